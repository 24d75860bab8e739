import { keysTeamOfThree, keysUrl, KeysTestApp } from './keys-test-app';

type World = Awaited<ReturnType<typeof keysTeamOfThree>>;
type Method = 'POST' | 'PATCH' | 'PUT';

describe('keys: bad input answers 400 naming the field, and changes nothing', () => {
  let app: KeysTestApp;
  let w: World;
  let keyId: string;

  beforeAll(async () => {
    app = await KeysTestApp.start();
    w = await keysTeamOfThree(app);
    keyId = String((await app.createKey(w.admin, w.teamId, { expiration: '30d' })).body.keyId);
    await app.keyOnceListed(w.admin, w.teamId, keyId);
  });

  afterAll(async () => {
    await app.stop();
  });

  const long = (n: number): string => 'x'.repeat(n);
  /** A body that is not JSON at all: refused as a whole, no field named. */
  const MALFORMED = '(not JSON)';
  const good = { name: 'Good', environment: 'production', expiration: '30d' };
  const create = (body: unknown): [string, Method, string, unknown] => ['create', 'POST', keysUrl(w.teamId), body];
  const rename = (body: unknown): [string, Method, string, unknown] => [
    'rename',
    'PATCH',
    keysUrl(w.teamId, `/${keyId}`),
    body,
  ];
  const revoke = (body: unknown): [string, Method, string, unknown] => [
    'revoke',
    'POST',
    keysUrl(w.teamId, `/${keyId}/revoke`),
    body,
  ];
  const roll = (body: unknown): [string, Method, string, unknown] => [
    'roll',
    'POST',
    keysUrl(w.teamId, `/${keyId}/roll`),
    body,
  ];
  const limits = (body: unknown): [string, Method, string, unknown] => [
    'limits',
    'PUT',
    keysUrl(w.teamId, `/${keyId}/limits`),
    body,
  ];

  /** Each endpoint with bodies it must refuse, and the field each refusal names. */
  const cases = (): [[string, Method, string, unknown], string][] => [
    [create('{"name": "broken'), MALFORMED],
    [create([]), 'body'],
    [create({ environment: 'production', expiration: '30d' }), 'name'],
    [create({ ...good, name: '   ' }), 'name'],
    [create({ ...good, name: 7 }), 'name'],
    [create({ ...good, name: long(101) }), 'name'],
    [create({ ...good, description: long(501) }), 'description'],
    [create({ ...good, environment: 'staging' }), 'environment'],
    [create({ name: 'A', expiration: '30d' }), 'environment'],
    [create({ ...good, expiration: '365d' }), 'expiration'],
    [create({ ...good, expiration: 30 }), 'expiration'],
    [create({ ...good, secret: 'mine' }), 'secret'],
    [create({ ...good, limits: 'none' }), 'limits'],
    [create({ ...good, limits: { rate: { perSecond: 0, burst: 1 } } }), 'limits.rate.perSecond'],
    [create({ ...good, limits: { rate: { perSecond: 1 } } }), 'limits.rate.burst'],
    [create({ ...good, limits: { quota: { period: 'week', requests: 5 } } }), 'limits.quota.period'],
    [create({ ...good, limits: { quota: { period: 'day', requests: 1.5 } } }), 'limits.quota.requests'],
    [create({ ...good, limits: { allowlist: ['203.0.113.7/24'] } }), 'limits.allowlist'],
    [create({ ...good, limits: { allowlist: 'any' } }), 'limits.allowlist'],
    [create({ ...good, limits: { burst: 3 } }), 'limits.burst'],
    [rename({}), 'name'],
    [rename({ name: '' }), 'name'],
    [rename({ name: long(101) }), 'name'],
    [rename({ description: long(501) }), 'description'],
    [rename({ name: 'A', environment: 'development' }), 'environment'],
    [rename('{bad json'), MALFORMED],
    [revoke({ reason: long(501) }), 'reason'],
    [revoke({ reason: 5 }), 'reason'],
    [revoke({ now: true }), 'now'],
    [revoke([]), 'body'],
    [roll({ grace: '1h' }), 'name'],
    [roll({ name: 'New' }), 'grace'],
    [roll({ name: 'New', grace: '2h' }), 'grace'],
    [roll({ name: 'New', grace: 'none', expiration: 'forever' }), 'expiration'],
    [roll({ name: 'New', grace: 'none', environment: 'development' }), 'environment'],
    [limits({ rate: { perSecond: -1, burst: 1 } }), 'rate.perSecond'],
    [limits({ rate: { perSecond: 1, burst: '5' } }), 'rate.burst'],
    [limits({ quota: { period: 'day' } }), 'quota.requests'],
    [limits({ allowlist: ['10.0.0.1', '10.0.0.1'] }), 'allowlist'],
    [limits({ allowlist: ['not-an-ip'] }), 'allowlist'],
    [limits({ allowlist: Array.from({ length: 101 }, (_, i) => `10.0.${i}.0/24`) }), 'allowlist'],
    [limits({ unlimited: true }), 'unlimited'],
    [limits('null'), 'body'],
  ];

  it('refuses each bad body with REQUEST.VALIDATION and the field', async () => {
    const before = (await app.as(w.owner, keysUrl(w.teamId))).text;
    for (const [[name, method, url, body], field] of cases()) {
      const answer = await app.as(w.owner, url, { method, body });
      const fields = ((answer.body.errors ?? []) as { field: string }[]).map((error) => error.field);
      if (field === MALFORMED) {
        expect([name, answer.status, answer.body.code]).toEqual([name, 400, 'REQUEST.MALFORMED_BODY']);
        continue;
      }
      expect({ name, body, status: answer.status, code: answer.body.code }).toEqual({
        name,
        body,
        status: 400,
        code: 'REQUEST.VALIDATION',
      });
      expect({ name, body, named: fields.includes(field), fields }).toEqual({ name, body, named: true, fields });
      expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    }
    expect((await app.as(w.owner, keysUrl(w.teamId))).text).toEqual(before);
  });

  it('answers ids that are not UUIDs as unknown: 404', async () => {
    const answers = [
      await app.as(w.owner, '/api/v1/teams/not-a-team/keys'),
      await app.as(w.owner, keysUrl(w.teamId, '/not-a-key')),
      await app.as(w.owner, keysUrl(w.teamId, '/not-a-key/revoke'), { method: 'POST' }),
      await app.as(w.owner, keysUrl(w.teamId, '/0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d')),
      await app.as(w.owner, keysUrl(w.teamId, '/0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d/revoke'), { method: 'POST' }),
    ];
    expect(answers.map((answer) => [answer.status, answer.body.code])).toEqual([
      [404, 'TEAM.NOT_FOUND'],
      [404, 'KEY.NOT_FOUND'],
      [404, 'KEY.NOT_FOUND'],
      [404, 'KEY.NOT_FOUND'],
      [404, 'KEY.NOT_FOUND'],
    ]);
  });

  it('refuses to change a revoked key: 409 for revoke, roll, rename and limits', async () => {
    const id = String((await app.createKey(w.owner, w.teamId)).body.keyId);
    const revoked = await app.as(w.owner, keysUrl(w.teamId, `/${id}/revoke`), { method: 'POST' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      status: 'revoked',
      revocation: { cause: 'revoked', reason: null, revokedBy: w.owner.userId },
    });
    const again = [
      await app.as(w.owner, keysUrl(w.teamId, `/${id}/revoke`), { method: 'POST', body: { reason: 'twice' } }),
      await app.as(w.owner, keysUrl(w.teamId, `/${id}/roll`), { body: { name: 'New', grace: 'none' } }),
      await app.as(w.owner, keysUrl(w.teamId, `/${id}`), { method: 'PATCH', body: { name: 'New' } }),
      await app.as(w.owner, keysUrl(w.teamId, `/${id}/limits`), { method: 'PUT', body: {} }),
    ];
    for (const answer of again) expect([answer.status, answer.body.code]).toEqual([409, 'KEY.ALREADY_REVOKED']);
  });
});
