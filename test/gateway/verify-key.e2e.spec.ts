import { GatewayTestApp, type IssuedKey, mistyped, randomKey } from './gateway-test-app';

describe('POST /v1/keys/verify', () => {
  let gateway: GatewayTestApp;
  let key: IssuedKey;

  beforeAll(async () => {
    gateway = await GatewayTestApp.start();
    key = await gateway.issueKey({ limits: { quota: { period: 'month', requests: 5 } } });
  });

  afterAll(async () => {
    await gateway.stop();
  });

  describe('happy path', () => {
    it('describes a working key, and consumes none of its quota', async () => {
      await gateway.partner('/v1/ping', key.secret);

      const first = await gateway.verify(key.secret);
      const second = await gateway.verify(key.secret);

      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        valid: true,
        keyId: key.keyId,
        teamId: key.teamId,
        environment: 'production',
        status: 'active',
        remainingQuota: 4,
      });
      expect(second.body.remainingQuota).toBe(4);
    });

    it('says null for the remaining quota of a key without one', async () => {
      const unlimited = await gateway.issueKey({ environment: 'development', expiresAt: null });

      expect((await gateway.verify(unlimited.secret)).body).toMatchObject({
        valid: true,
        environment: 'development',
        remainingQuota: null,
      });
    });

    it('describes a revoked key as not valid', async () => {
      const revoked = await gateway.issueKey();
      await gateway.revoke(revoked);

      await gateway.until(async () => (await gateway.verify(revoked.secret)).body.status === 'revoked');
      expect((await gateway.verify(revoked.secret)).body).toMatchObject({ valid: false, keyId: revoked.keyId });
    });
  });

  describe('keys it does not know', () => {
    it.each([
      ['a malformed key', 'cr3_live_nope'],
      ['a key with a bad checksum', mistyped(randomKey())],
      ['a well-formed key nobody issued', randomKey()],
    ])('answers only valid: false for %s', async (_case, candidate) => {
      const answer = await gateway.verify(candidate);

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ valid: false });
    });
  });

  describe('bad input', () => {
    it.each([
      ['no key field', { token: 'x' }],
      ['a key that is not a string', { key: 42 }],
      ['extra fields', { key: 'x', other: 1 }],
      ['an array', [1]],
    ])('refuses %s with 400 problem+json', async (_case, body) => {
      const answer = await gateway.call('/v1/keys/verify', { method: 'POST', body });

      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.body.code).toBe('REQUEST.VALIDATION');
    });

    it('refuses a body that is not JSON with 400', async () => {
      const answer = await gateway.call('/v1/keys/verify', { method: 'POST', body: '{"key":' });

      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('REQUEST.MALFORMED_BODY');
    });

    it('refuses a body over its size limit with 413', async () => {
      const answer = await gateway.call('/v1/keys/verify', { method: 'POST', body: { key: 'k'.repeat(10_000) } });

      expect(answer.status).toBe(413);
      expect(answer.body.code).toBe('REQUEST.BODY_TOO_LARGE');
    });
  });
});
