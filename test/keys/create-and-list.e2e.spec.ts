import { hashOf, KEY_ANSWER_FIELDS, KEY_SHAPE, keysUrl, KeysTestApp, teamOfThree } from './keys-test-app';

type World = Awaited<ReturnType<typeof teamOfThree>>;

describe('keys: create, list and view', () => {
  let app: KeysTestApp;
  let w: World;

  beforeAll(async () => {
    app = await KeysTestApp.start();
    w = await teamOfThree(app);
  });

  afterAll(async () => {
    await app.stop();
  });

  it('shows the secret once, in the creation answer only, and stores only its hash', async () => {
    const created = await app.as(w.admin, keysUrl(w.teamId), {
      body: { name: '  Production App ', description: 'Checkout', environment: 'production', expiration: '90d' },
    });
    expect(created.status).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const secret = String(created.body.secret);
    expect(secret).toMatch(KEY_SHAPE);
    expect(secret.startsWith('cr3_live_')).toBe(true);
    expect(Object.keys(created.body).sort()).toEqual([...KEY_ANSWER_FIELDS, 'secret'].sort());
    expect(created.body).toMatchObject({
      name: 'Production App',
      description: 'Checkout',
      environment: 'production',
      hint: `cr3_live_…${secret.slice(-4)}`,
      status: 'active',
      createdBy: w.admin.userId,
      teamId: w.teamId,
      limits: {},
      rolledFrom: null,
      roll: null,
      revocation: null,
      lastUsedAt: null,
      lastUsedNetwork: null,
    });
    const expiresIn = Date.parse(String(created.body.expiresAt)) - Date.parse(String(created.body.createdAt));
    expect(expiresIn).toBe(90 * 24 * 60 * 60 * 1000);

    const keyId = String(created.body.keyId);
    const viewed = await app.keyOnceListed(w.member, w.teamId, keyId);
    const listed = await app.as(w.member, keysUrl(w.teamId));
    expect(listed.status).toBe(200);
    for (const text of [viewed.text, listed.text]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.slice(9, -4));
      expect(text).not.toContain(hashOf(secret));
    }
    const { secret: _secret, ...listing } = created.body;
    expect(viewed.body).toEqual(listing);
    expect(Object.keys(viewed.body).sort()).toEqual(KEY_ANSWER_FIELDS);
    expect((listed.body.keys as { keyId: string }[]).map((key) => key.keyId)).toContain(keyId);
  });

  it('makes a cr3_test_ key for Development, with limits, that never expires', async () => {
    const limits = {
      rate: { perSecond: 5, burst: 10 },
      quota: { period: 'month', requests: 10000 },
      allowlist: ['203.0.113.0/24', '2001:db8::/32', '198.51.100.7'],
    };
    const created = await app.createKey(w.owner, w.teamId, { environment: 'development', limits });
    expect(String(created.body.secret).startsWith('cr3_test_')).toBe(true);
    expect(created.body).toMatchObject({ environment: 'development', expiresAt: null, limits, description: '' });
  });

  it('lists the newest key first, and every key has a different secret', async () => {
    const first = await app.createKey(w.owner, w.teamId, { name: 'First' });
    const second = await app.createKey(w.owner, w.teamId, { name: 'Second' });
    expect(first.body.secret).not.toEqual(second.body.secret);
    await app.keyOnceListed(w.owner, w.teamId, String(second.body.keyId));
    const listed = await app.as(w.owner, keysUrl(w.teamId));
    const names = (listed.body.keys as { name: string }[]).map((key) => key.name);
    expect(names.indexOf('Second')).toBeLessThan(names.indexOf('First'));
  });

  it('answers KEY_LOOKUP in process by hash, never for an unknown hash', async () => {
    const created = await app.createKey(w.owner, w.teamId, { name: 'Looked up' });
    const secret = String(created.body.secret);
    const keyId = String(created.body.keyId);
    await app.keyOnceListed(w.owner, w.teamId, keyId);
    const record = await app.keyLookup().findBySecretHash(hashOf(secret));
    expect(record).toMatchObject({ revision: 0, key: { keyId, status: 'active', secretHash: hashOf(secret) } });
    await expect(app.keyLookup().findBySecretHash(hashOf(`${secret}x`))).resolves.toBeNull();
    await expect(app.keyLookup().findBySecretHash('not a hash')).resolves.toBeNull();
  });
});
