import { READ_MODEL_STORE, type ReadModelStore } from '@portal/read-models';
import { apiKeysReadModel } from '../../apps/keys/src/api-keys/api-keys.read-model';
import { hashOf, keysTeamOfThree, keysUrl, KeysTestApp, eventually } from './keys-test-app';

type World = Awaited<ReturnType<typeof keysTeamOfThree>>;

interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

describe('keys: the scheduler expires keys, ends grace periods and warns before expiry, once', () => {
  let app: KeysTestApp;
  let w: World;

  beforeAll(async () => {
    app = await KeysTestApp.start();
    w = await keysTeamOfThree(app);
  });

  afterAll(async () => {
    await app.stop();
  });

  const mailbox = async (): Promise<Mail[]> => ((await app.call('/api/v1/dev/mailbox')).body.messages ?? []) as Mail[];
  const warningsAbout = async (name: string): Promise<Mail[]> =>
    (await mailbox()).filter((mail) => mail.subject.startsWith(`API key "${name}"`));

  const view = (keyId: string) => app.as(w.member, keysUrl(w.teamId, `/${keyId}`));

  it('warns Owners and Admins 7 days and 1 day ahead, each once, then expires the key', async () => {
    const created = await app.createKey(w.admin, w.teamId, { name: 'Expiring', expiration: '30d' });
    const keyId = String(created.body.keyId);
    await app.keyOnceListed(w.member, w.teamId, keyId);
    expect(await app.runScheduler()).toMatchObject({ expired: 0, warningsSent: 0, failed: 0 });

    app.moveKeysClock(23 * DAY_MS + HOUR_MS);
    expect((await view(keyId)).body.status).toBe('expiring_soon');
    expect(await app.runScheduler()).toMatchObject({ warningsSent: 1, failed: 0 });
    const week = await warningsAbout('Expiring');
    expect(week.map((mail) => mail.to).sort()).toEqual([w.admin.email, w.owner.email].sort());
    expect(week[0]?.subject).toBe('API key "Expiring" of Acme Payments expires in 7 days');
    expect(week[0]?.text).toContain(String(created.body.hint));
    expect(week[0]?.text).toContain(`/teams/${w.teamId}/keys`);
    expect(week[0]?.text).not.toContain(String(created.body.secret));

    await app.keyOnceListed(w.member, w.teamId, keyId, () => true);
    await eventually(async () => {
      const record = await app.keyLookup().findBySecretHash(hashOf(String(created.body.secret)));
      return record?.key.expiryWarningsSent?.includes('7d') === true ? record : undefined;
    });
    await app.runScheduler();
    expect(await warningsAbout('Expiring')).toHaveLength(2);

    app.moveKeysClock(6 * DAY_MS);
    expect(await app.runScheduler()).toMatchObject({ warningsSent: 1, failed: 0 });
    const day = (await warningsAbout('Expiring')).filter((mail) => mail.subject.endsWith('within a day'));
    expect(day.map((mail) => mail.to).sort()).toEqual([w.admin.email, w.owner.email].sort());
    await app.runScheduler();
    expect(await warningsAbout('Expiring')).toHaveLength(4);

    app.moveKeysClock(DAY_MS);
    expect((await view(keyId)).body.status).toBe('expired');
    expect(await app.runScheduler()).toMatchObject({ expired: 1, failed: 0 });
    const record = await eventually(async () => {
      const found = await app.keyLookup().findBySecretHash(hashOf(String(created.body.secret)));
      return found?.key.status === 'expired' ? found : undefined;
    });
    expect(record.key).toMatchObject({ expiredAt: created.body.expiresAt, expiryWarningsSent: ['7d', '1d'] });
    expect((await view(keyId)).body).toMatchObject({ status: 'expired', expiredAt: created.body.expiresAt });
    expect(await app.runScheduler()).toMatchObject({ expired: 0, warningsSent: 0 });
    expect(await warningsAbout('Expiring')).toHaveLength(4);
  });

  it('sends a warning recorded in the key stream no second time, even when the read model has lost it', async () => {
    const created = await app.createKey(w.owner, w.teamId, { name: 'Remembered', expiration: '30d' });
    const keyId = String(created.body.keyId);
    await app.keyOnceListed(w.member, w.teamId, keyId);
    // Keys are made on the keys service's clock, wherever the previous test left it.
    app.moveKeysClock(23 * DAY_MS + HOUR_MS);
    await app.runScheduler();
    expect(await warningsAbout('Remembered')).toHaveLength(2);
    await eventually(async () => {
      const record = await app.keyLookup().findBySecretHash(hashOf(String(created.body.secret)));
      return record?.revision === 1 ? record : undefined;
    });
    // As if the api_keys read model were stale: the stream still says the warning went out.
    const keys = await app.app.get<ReadModelStore>(READ_MODEL_STORE).collection(apiKeysReadModel);
    const stale = await keys.get(keyId);
    if (stale === null) throw new Error('the key is not in api_keys');
    const { expiryWarningsSent: _sent, ...key } = stale.key;
    await keys.upsert(keyId, { ...stale, key });
    await app.runScheduler();
    expect(await warningsAbout('Remembered')).toHaveLength(2);
  });

  it('revokes a rolled key when its grace period ends, not before', async () => {
    const old = await app.createKey(w.owner, w.teamId, { name: 'Rolled with grace', expiration: 'never' });
    const oldId = String(old.body.keyId);
    const rolled = await app.as(w.owner, keysUrl(w.teamId, `/${oldId}/roll`), {
      body: { name: 'Replacement', grace: '1h' },
    });
    expect(rolled.status).toBe(201);
    await app.keyOnceListed(w.member, w.teamId, oldId, (key) => key.body.roll !== null);
    await app.runScheduler();
    expect((await view(oldId)).body).toMatchObject({ status: 'active', revocation: null });

    app.moveKeysClock(HOUR_MS + MINUTE_MS);
    expect((await view(oldId)).body).toMatchObject({ status: 'revoked', revocation: { cause: 'rolled' } });
    expect(await app.runScheduler()).toMatchObject({ gracesEnded: 1, failed: 0 });
    const ended = await app.keyOnceListed(w.member, w.teamId, oldId, (key) => key.body.status === 'revoked');
    const graceEndsAt = (rolled.body.rolledKey as { roll: { graceEndsAt: string } }).roll.graceEndsAt;
    expect(ended.body).toMatchObject({
      revocation: { cause: 'rolled', reason: null, revokedBy: null, revokedAt: graceEndsAt },
    });
    await eventually(async () => {
      const record = await app.keyLookup().findBySecretHash(hashOf(String(old.body.secret)));
      return record?.key.status === 'revoked' ? record : undefined;
    });
    expect(await app.runScheduler()).toMatchObject({ gracesEnded: 0 });
    expect((await view(String(rolled.body.keyId))).body.status).toBe('active');
  });
});
