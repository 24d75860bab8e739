import { hashOf, KEY_SHAPE, keysTeamOfThree, keysUrl, KeysTestApp } from './keys-test-app';

type World = Awaited<ReturnType<typeof keysTeamOfThree>>;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

describe('keys: rename, revoke, roll and limits', () => {
  let app: KeysTestApp;
  let w: World;

  beforeAll(async () => {
    app = await KeysTestApp.start();
    w = await keysTeamOfThree(app);
  });

  afterAll(async () => {
    await app.stop();
  });

  const limits = {
    rate: { perSecond: 20, burst: 40 },
    quota: { period: 'day', requests: 50000 },
    allowlist: ['203.0.113.0/24'],
  };

  it('renames a key and changes its description, separately or together', async () => {
    const keyId = String((await app.createKey(w.owner, w.teamId, { description: 'old' })).body.keyId);
    const url = keysUrl(w.teamId, `/${keyId}`);
    const renamed = await app.as(w.admin, url, { method: 'PATCH', body: { name: ' Billing ' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Billing', description: 'old' });
    const described = await app.as(w.admin, url, { method: 'PATCH', body: { description: '' } });
    expect(described.body).toMatchObject({ name: 'Billing', description: '' });
    await app.keyOnceListed(w.member, w.teamId, keyId, (key) => key.body.name === 'Billing');
  });

  it('revokes at once, with the reason recorded', async () => {
    const created = await app.createKey(w.owner, w.teamId);
    const keyId = String(created.body.keyId);
    const revoked = await app.as(w.admin, keysUrl(w.teamId, `/${keyId}/revoke`), {
      body: { reason: ' Leaked in a public repository ' },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      status: 'revoked',
      revocation: { cause: 'revoked', reason: 'Leaked in a public repository', revokedBy: w.admin.userId },
    });
    const listed = await app.keyOnceListed(w.member, w.teamId, keyId, (key) => key.body.status === 'revoked');
    expect(listed.body).toEqual(revoked.body);
    const record = await app.keyLookup().findBySecretHash(hashOf(String(created.body.secret)));
    expect(record?.key.status).toBe('revoked');
    expect(record?.revision).toBe(1);
  });

  it('rolls without grace: the old key is revoked at once and the replacement keeps its settings', async () => {
    const old = await app.createKey(w.owner, w.teamId, {
      name: 'Payments',
      description: 'Card payments',
      environment: 'development',
      expiration: '90d',
      limits,
    });
    const oldId = String(old.body.keyId);
    const rolled = await app.as(w.admin, keysUrl(w.teamId, `/${oldId}/roll`), {
      body: { name: 'Payments (rolled)', grace: 'none' },
    });
    expect(rolled.status).toBe(201);
    expect(rolled.headers['cache-control']).toBe('no-store');
    const secret = String(rolled.body.secret);
    expect(secret).toMatch(KEY_SHAPE);
    expect(secret.startsWith('cr3_test_')).toBe(true);
    expect(secret).not.toBe(old.body.secret);
    expect(rolled.body).toMatchObject({
      name: 'Payments (rolled)',
      description: 'Card payments',
      environment: 'development',
      limits,
      rolledFrom: oldId,
      status: 'active',
      createdBy: w.admin.userId,
      rolledKey: {
        keyId: oldId,
        status: 'revoked',
        roll: { replacementKeyId: rolled.body.keyId, graceEndsAt: null },
        revocation: { cause: 'rolled', revokedBy: w.admin.userId },
      },
    });
    // The replacement lives as long as the old key was meant to: 90 days, from the roll.
    const lifetime = Date.parse(String(rolled.body.expiresAt)) - Date.parse(String(rolled.body.createdAt));
    expect(lifetime).toBe(90 * DAY_MS);
    const again = await app.as(w.admin, keysUrl(w.teamId, `/${oldId}/roll`), { body: { name: 'x', grace: 'none' } });
    expect([again.status, again.body.code]).toEqual([409, 'KEY.ALREADY_REVOKED']);
    const newId = String(rolled.body.keyId);
    const listed = await app.keyOnceListed(w.member, w.teamId, newId);
    expect(listed.text).not.toContain(secret);
    expect(listed.text).not.toContain(hashOf(secret));
  });

  it('rolls with grace: the old key works until the grace period ends, and cannot be rolled twice', async () => {
    const old = await app.createKey(w.owner, w.teamId, { name: 'Search', expiration: 'never' });
    const oldId = String(old.body.keyId);
    const rolled = await app.as(w.owner, keysUrl(w.teamId, `/${oldId}/roll`), {
      body: { name: 'Search v2', grace: '24h', description: 'new one', expiration: '30d' },
    });
    expect(rolled.status).toBe(201);
    const graceEndsAt = String((rolled.body.rolledKey as { roll: { graceEndsAt: string } }).roll.graceEndsAt);
    expect(Date.parse(graceEndsAt) - Date.parse(String(rolled.body.createdAt))).toBe(DAY_MS);
    expect(rolled.body).toMatchObject({
      description: 'new one',
      rolledKey: { status: 'active', revocation: null, roll: { replacementKeyId: rolled.body.keyId } },
    });
    expect(Date.parse(String(rolled.body.expiresAt)) - Date.parse(String(rolled.body.createdAt))).toBe(30 * DAY_MS);
    const twice = await app.as(w.owner, keysUrl(w.teamId, `/${oldId}/roll`), { body: { name: 'x', grace: '1h' } });
    expect([twice.status, twice.body.code]).toEqual([409, 'KEY.ALREADY_ROLLED']);
    // The old key can still be revoked by hand during the grace period.
    await app.keyOnceListed(w.owner, w.teamId, oldId, (key) => key.body.roll !== null);
    const revoked = await app.as(w.owner, keysUrl(w.teamId, `/${oldId}/revoke`), { method: 'POST' });
    expect(revoked.body).toMatchObject({ status: 'revoked', revocation: { cause: 'revoked' } });
  });

  it('sets, replaces and clears limits; an identical set records nothing', async () => {
    const keyId = String((await app.createKey(w.owner, w.teamId)).body.keyId);
    const url = keysUrl(w.teamId, `/${keyId}/limits`);
    const set = await app.as(w.admin, url, { method: 'PUT', body: limits });
    expect(set.status).toBe(200);
    expect(set.body.limits).toEqual(limits);
    const replaced = await app.as(w.admin, url, { method: 'PUT', body: { quota: { period: 'month', requests: 9 } } });
    expect(replaced.body.limits).toEqual({ quota: { period: 'month', requests: 9 } });
    const emptyAllowlist = await app.as(w.admin, url, { method: 'PUT', body: { allowlist: [] } });
    expect(emptyAllowlist.body.limits).toEqual({});
    const cleared = await app.as(w.admin, url, { method: 'PUT', body: {} });
    expect(cleared.status).toBe(200);
    expect(cleared.body.limits).toEqual({});
    const listed = await app.keyOnceListed(w.member, w.teamId, keyId, (key) => key.body.limits !== undefined);
    await app.keyOnceListed(w.member, w.teamId, keyId, (key) => JSON.stringify(key.body.limits) === '{}');
    expect(listed.status).toBe(200);
    // Created, set, replaced, emptied (an empty allowlist is no limit); the identical clear recorded nothing.
    const created = await app.keyLookup().snapshotPage(null, 1000);
    expect(created.keys.find((record) => record.key.keyId === keyId)?.revision).toBe(3);
  });
});
