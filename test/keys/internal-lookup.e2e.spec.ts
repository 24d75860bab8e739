import { randomBytes } from 'node:crypto';
import { INTERNAL_TOKEN_HEADER, KEY_LOOKUP_PATH, type KeyRecord, type KeySnapshotPage } from '@portal/contracts';
import { createTeam, hashOf, KeysTestApp, type Person } from './keys-test-app';

const token = (): string => randomBytes(24).toString('base64url');

describe('keys: the internal lookup routes for a gateway running alone', () => {
  const internalToken = token();
  let app: KeysTestApp;
  let owner: Person;
  let teamId: string;
  const secrets: string[] = [];
  const keyIds: string[] = [];

  const internal = (url: string, presented: string | null = internalToken) =>
    app.call(url, { headers: presented === null ? {} : { [INTERNAL_TOKEN_HEADER]: presented } });

  beforeAll(async () => {
    app = await KeysTestApp.start({ INTERNAL_TOKEN: internalToken });
    owner = await app.signUpAndIn('Olivia Owner');
    teamId = await createTeam(app, owner);
    for (const name of ['One', 'Two', 'Three']) {
      const created = await app.createKey(owner, teamId, { name });
      secrets.push(String(created.body.secret));
      keyIds.push(String(created.body.keyId));
    }
    for (const keyId of keyIds) await app.keyOnceListed(owner, teamId, keyId);
  });

  afterAll(async () => {
    await app.stop();
  });

  it('answers a key by the hash of its secret, with its state and stream revision', async () => {
    const answer = await internal(`${KEY_LOOKUP_PATH}/by-hash/${hashOf(secrets[0] ?? '')}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    const record = answer.body as unknown as KeyRecord;
    expect(record.revision).toBe(0);
    expect(record.key).toMatchObject({ keyId: keyIds[0], teamId, status: 'active', name: 'One' });
    expect(answer.text).not.toContain(secrets[0]);
  });

  it('answers 404 for an unknown or malformed hash', async () => {
    expect((await internal(`${KEY_LOOKUP_PATH}/by-hash/${hashOf('nothing')}`)).status).toBe(404);
    expect((await internal(`${KEY_LOOKUP_PATH}/by-hash/ABC`)).status).toBe(404);
  });

  it('pages through every key in keyId order', async () => {
    const seen: KeyRecord[] = [];
    let after = '';
    for (let pages = 0; pages < 10; pages += 1) {
      const answer = await internal(`${KEY_LOOKUP_PATH}?limit=2${after === '' ? '' : `&after=${after}`}`);
      expect(answer.status).toBe(200);
      const page = answer.body as unknown as KeySnapshotPage;
      seen.push(...page.keys);
      if (page.next === null) break;
      after = page.next;
    }
    expect(seen.map((record) => record.key.keyId)).toEqual([...keyIds].sort());
    const whole = (await internal(KEY_LOOKUP_PATH)).body as unknown as KeySnapshotPage;
    expect(whole.next).toBeNull();
    expect(whole.keys).toHaveLength(3);
    const exact = (await internal(`${KEY_LOOKUP_PATH}?limit=3`)).body as unknown as KeySnapshotPage;
    expect(exact.next).toBeNull();
  });

  it('refuses a page size outside 1 to 1000 with the field', async () => {
    for (const limit of ['0', '1001', 'ten', '-1', '2.5']) {
      const answer = await internal(`${KEY_LOOKUP_PATH}?limit=${limit}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'REQUEST.VALIDATION', errors: [{ field: 'limit' }] });
    }
  });

  it('answers 404, as for no route, without the token or with another one', async () => {
    const byHash = `${KEY_LOOKUP_PATH}/by-hash/${hashOf(secrets[0] ?? '')}`;
    for (const presented of [null, '', token(), `${internalToken}x`, internalToken.slice(0, -1)]) {
      for (const url of [byHash, KEY_LOOKUP_PATH]) {
        const answer = await internal(url, presented);
        expect(answer.status).toBe(404);
        expect(answer.text).not.toContain(String(keyIds[0]));
      }
    }
  });

  it('keeps the internal routes out of the public OpenAPI document', async () => {
    const document = await app.call('/openapi.json');
    expect(document.status).toBe(200);
    expect(document.text).not.toContain('/internal/');
    expect(document.text).toContain('/api/v1/teams/{teamId}/keys');
  });
});

describe('keys: the internal lookup routes without INTERNAL_TOKEN configured', () => {
  let app: KeysTestApp;

  beforeAll(async () => {
    app = await KeysTestApp.start();
  });

  afterAll(async () => {
    await app.stop();
  });

  it('are closed: 404 whatever token is presented', async () => {
    const presented: Record<string, string>[] = [
      {},
      { [INTERNAL_TOKEN_HEADER]: token() },
      { [INTERNAL_TOKEN_HEADER]: '' },
    ];
    for (const headers of presented) {
      expect((await app.call(KEY_LOOKUP_PATH, { headers })).status).toBe(404);
      expect((await app.call(`${KEY_LOOKUP_PATH}/by-hash/${hashOf('x')}`, { headers })).status).toBe(404);
    }
  });

  it('leave KEY_LOOKUP answering in process', async () => {
    await expect(app.keyLookup().snapshotPage(null, 10)).resolves.toEqual({ keys: [], next: null });
    await expect(app.keyLookup().snapshotPage(null, 0)).rejects.toThrow(RangeError);
  });
});
