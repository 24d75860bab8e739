import { IdentityTestApp } from './identity-test-app';

describe('HTTP conventions of the API', () => {
  let identity: IdentityTestApp;

  beforeAll(async () => {
    identity = await IdentityTestApp.start();
  });

  afterAll(async () => {
    await identity.stop();
  });

  it('echoes an acceptable x-request-id, on success and on error, and in the problem body', async () => {
    const ok = await identity.call('/health', { headers: { 'x-request-id': 'trace-123' } });
    expect(ok.headers['x-request-id']).toBe('trace-123');
    const error = await identity.call('/api/v1/auth/me', { headers: { 'x-request-id': 'trace-456' } });
    expect(error.headers['x-request-id']).toBe('trace-456');
    expect(error.body.requestId).toBe('trace-456');
  });

  it('makes up a request id when none or an unacceptable one is sent', async () => {
    const none = await identity.call('/api/v1/auth/me');
    const forged = await identity.call('/api/v1/auth/me', { headers: { 'x-request-id': 'a b\nforged log line' } });
    for (const answer of [none, forged]) {
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.body.requestId).toBe(answer.headers['x-request-id']);
    }
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const answer = await identity.call('/api/v1/nothing-here');
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(answer.body).toMatchObject({ status: 404, code: 'HTTP.NOT_FOUND', title: 'Not Found' });
  });

  it('answers a JSON body with a __proto__ key with 400', async () => {
    const answer = await identity.call('/api/v1/auth/sign-in', { body: '{"__proto__":{"admin":true}}' });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  });
});
