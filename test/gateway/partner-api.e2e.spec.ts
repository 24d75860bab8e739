import { type Answer, GatewayTestApp, type IssuedKey, mistyped, randomKey, rawCall } from './gateway-test-app';

function expectRefusedKey(answer: Answer): void {
  expect(answer.status).toBe(401);
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(answer.headers['www-authenticate']).toBe('Bearer');
  expect(answer.body).toMatchObject({ status: 401, code: 'GATEWAY.UNAUTHENTICATED' });
}

describe('partner API through the gateway', () => {
  let gateway: GatewayTestApp;
  let key: IssuedKey;

  beforeAll(async () => {
    gateway = await GatewayTestApp.start();
    key = await gateway.issueKey();
  });

  afterAll(async () => {
    await gateway.stop();
  });

  describe('happy path', () => {
    it('forwards a call with a Production key to the live upstream, path and query kept', async () => {
      const answer = await gateway.partner('/v1/credentials/42?expand=owner&x=1', key.secret);

      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        upstream: 'live',
        method: 'GET',
        path: '/v1/credentials/42',
        query: '?expand=owner&x=1',
        keyId: key.keyId,
        teamId: key.teamId,
      });
    });

    it('removes the key headers and adds the key id, team id and request id', async () => {
      const answer = await gateway.partner('/v1/ping', key.secret, {
        headers: { 'x-api-key': 'anything', 'x-cr3-team-id': 'forged', 'x-request-id': 'req-1', 'x-custom': 'kept' },
      });

      const headers = answer.body.headers as Record<string, string>;
      expect(headers.authorization).toBeUndefined();
      expect(headers['x-api-key']).toBeUndefined();
      expect(headers['x-cr3-team-id']).toBe(key.teamId);
      expect(headers['x-cr3-key-id']).toBe(key.keyId);
      expect(headers['x-request-id']).toBe('req-1');
      expect(headers['x-custom']).toBe('kept');
      expect(answer.headers['x-request-id']).toBe('req-1');
      expect(answer.text).not.toContain(key.secret);
    });

    it('accepts the key in x-api-key too', async () => {
      const answer = await gateway.partner('/v1/ping', null, { headers: { 'x-api-key': key.secret } });

      expect(answer.status).toBe(200);
      expect(answer.body.keyId).toBe(key.keyId);
    });

    it('streams a request body to the upstream', async () => {
      const payload = 'x'.repeat(200_000);
      const answer = await gateway.partner('/v1/documents', key.secret, {
        method: 'POST',
        body: payload,
        headers: { 'content-type': 'application/octet-stream' },
      });

      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ method: 'POST', bodyBytes: payload.length });
    });

    it('sends a Development key to the sandbox upstream only', async () => {
      const development = await gateway.issueKey({ environment: 'development' });

      const answer = await gateway.partner('/v1/ping', development.secret);

      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ upstream: 'sandbox', keyId: development.keyId });
    });
  });

  describe('refused keys: one 401 for every case', () => {
    it.each([
      ['no key', null],
      ['a malformed key', 'cr3_live_short'],
      ['a key of another format', `sk_${'a'.repeat(40)}`],
    ])('refuses %s', async (_case, presented) => {
      expectRefusedKey(await gateway.partner('/v1/ping', presented));
    });

    it('refuses a key whose checksum does not match', async () => {
      expectRefusedKey(await gateway.partner('/v1/ping', mistyped(key.secret)));
    });

    it('refuses a well-formed key nobody issued', async () => {
      expectRefusedKey(await gateway.partner('/v1/ping', randomKey()));
    });

    it('refuses a revoked key at once', async () => {
      const doomed = await gateway.issueKey();
      expect((await gateway.partner('/v1/ping', doomed.secret)).status).toBe(200);

      await gateway.revoke(doomed);

      await gateway.until(async () => (await gateway.partner('/v1/ping', doomed.secret)).status === 401, 1_000);
      expectRefusedKey(await gateway.partner('/v1/ping', doomed.secret));
    });

    it('refuses a key past its expiry time, before the expiry is even recorded', async () => {
      const shortLived = await gateway.issueKey({ expiresAt: new Date(Date.now() + 400).toISOString() });
      await new Promise((resolve) => setTimeout(resolve, 450));

      expectRefusedKey(await gateway.partner('/v1/ping', shortLived.secret));
    });

    it('gives the same answer for every refused key', async () => {
      const answers = await Promise.all([
        gateway.partner('/v1/ping', null),
        gateway.partner('/v1/ping', mistyped(key.secret)),
        gateway.partner('/v1/ping', randomKey()),
      ]);

      const details = answers.map(({ body }) => [body.code, body.detail, body.title]);
      expect(new Set(details.map((detail) => JSON.stringify(detail))).size).toBe(1);
    });
  });

  describe('limits', () => {
    it('refuses calls over the rate with 429 and Retry-After', async () => {
      const limited = await gateway.issueKey({ limits: { rate: { perSecond: 1, burst: 2 } } });

      const statuses = [];
      for (let call = 0; call < 3; call += 1) statuses.push(await gateway.partner('/v1/ping', limited.secret));

      expect(statuses.map(({ status }) => status)).toEqual([200, 200, 429]);
      expect(statuses[2]?.headers['retry-after']).toBe('1');
      expect(statuses[2]?.body.code).toBe('GATEWAY.RATE_LIMITED');
    });

    it('refuses calls over the daily quota with 429 and a Retry-After up to the next UTC day', async () => {
      const limited = await gateway.issueKey({ limits: { quota: { period: 'day', requests: 2 } } });

      await gateway.partner('/v1/ping', limited.secret);
      await gateway.partner('/v1/ping', limited.secret);
      const refused = await gateway.partner('/v1/ping', limited.secret);

      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('GATEWAY.QUOTA_EXCEEDED');
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(86_400);
    });

    it('refuses a caller outside the allowlist with 403 and lets one inside through', async () => {
      const fenced = await gateway.issueKey({ limits: { allowlist: ['203.0.113.0/24', '2001:db8::/32'] } });

      const outside = await gateway.partner('/v1/ping', fenced.secret, { ip: '198.51.100.7' });
      const inside = await gateway.partner('/v1/ping', fenced.secret, { ip: '203.0.113.9' });
      const insideV6 = await gateway.partner('/v1/ping', fenced.secret, { ip: '2001:db8::5' });

      expect(outside.status).toBe(403);
      expect(outside.body.code).toBe('GATEWAY.FORBIDDEN');
      expect(inside.status).toBe(200);
      expect(insideV6.status).toBe(200);
    });
  });

  describe('bad paths (sent as they are, over a socket: inject would normalise them)', () => {
    it.each(['/v1/../admin', '/v1/a/%2e%2e/admin', '/v1/a/./b', '/v1/a\\b'])('refuses %s with 400', async (path) => {
      const answer = await rawCall(await gateway.listening(), path, { authorization: `Bearer ${key.secret}` });

      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text)).toMatchObject({ code: 'GATEWAY.INVALID_PATH' });
    });
  });

  it('answers any other method 405, naming the methods it forwards', async () => {
    const answer = await rawCall(
      await gateway.listening(),
      '/v1/things',
      { authorization: `Bearer ${key.secret}` },
      'PROPFIND',
    );

    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT');
    expect(answer.headers['x-request-id']).toEqual(expect.any(String));
    expect(JSON.parse(answer.text)).toMatchObject({ status: 405, code: 'GATEWAY.METHOD_NOT_ALLOWED' });
  });

  it('leaves the portal API and the dashboard alone', async () => {
    const page = await gateway.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect((await gateway.call('/health')).status).toBe(200);
  });
});
