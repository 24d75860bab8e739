import { GOOD_PASSWORD, IdentityTestApp, type Session, uniqueEmail } from './identity-test-app';

describe('sessions: /me, sign-out, sign-out-everywhere', () => {
  let identity: IdentityTestApp;
  let email: string;

  beforeAll(async () => {
    identity = await IdentityTestApp.start();
    email = uniqueEmail('sessions');
    await identity.signUp(email, GOOD_PASSWORD, 'Ada Lovelace');
  });

  afterAll(async () => {
    await identity.stop();
  });

  const signIn = (): Promise<Session> => identity.signIn(email, GOOD_PASSWORD);
  const me = (session: Session) => identity.withSession(session, '/api/v1/auth/me');

  describe('GET /api/v1/auth/me', () => {
    it('tells who the session belongs to, with the same CSRF token sign-in gave', async () => {
      const session = await signIn();
      const answer = await me(session);
      expect(answer.status).toBe(200);
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.body).toEqual({
        userId: session.body.userId,
        email,
        displayName: 'Ada Lovelace',
        sessionId: session.body.sessionId,
        csrfToken: session.csrfToken,
        expiresAt: session.body.expiresAt,
      });
    });

    it('answers 401 problem+json without a session, with an unknown token, and with a malformed cookie', async () => {
      const unknownToken = `portal_session=${'A'.repeat(43)}`;
      const cases: Record<string, string>[] = [
        {},
        { cookie: unknownToken },
        { cookie: 'portal_session=../../etc' },
        { cookie: 'x=1' },
      ];
      for (const headers of cases) {
        const answer = await identity.call('/api/v1/auth/me', { headers });
        expect(answer.status).toBe(401);
        expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
        expect(answer.body).toMatchObject({ code: 'AUTH.UNAUTHENTICATED', status: 401 });
      }
    });
  });

  describe('POST /api/v1/auth/sign-out', () => {
    it('ends the session and clears the cookie', async () => {
      const session = await signIn();
      const answer = await identity.withSession(session, '/api/v1/auth/sign-out', { method: 'POST' });
      expect(answer.status).toBe(204);
      expect(String(answer.headers['set-cookie'])).toMatch(
        /^portal_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax/,
      );
      expect((await me(session)).status).toBe(401);
    });

    it('leaves the account’s other sessions alone', async () => {
      const [mine, other] = [await signIn(), await signIn()];
      await identity.withSession(mine, '/api/v1/auth/sign-out', { method: 'POST' });
      expect((await me(other)).status).toBe(200);
    });

    it('refuses a sign-out without the CSRF token, or with a wrong one, with 403 and keeps the session', async () => {
      const session = await signIn();
      const missing = await identity.withSession(session, '/api/v1/auth/sign-out', { method: 'POST', csrf: false });
      expect(missing.status).toBe(403);
      expect(missing.body).toMatchObject({ code: 'AUTH.CSRF', status: 403 });
      const wrong = await identity.withSession(session, '/api/v1/auth/sign-out', {
        method: 'POST',
        csrf: false,
        headers: { 'x-csrf-token': 'A'.repeat(43) },
      });
      expect(wrong.status).toBe(403);
      expect((await me(session)).status).toBe(200);
    });

    it('refuses a sign-out from another origin even with the token', async () => {
      const session = await signIn();
      const answer = await identity.withSession(session, '/api/v1/auth/sign-out', {
        method: 'POST',
        headers: { origin: 'https://evil.example' },
      });
      expect(answer.status).toBe(403);
      expect((await me(session)).status).toBe(200);
    });

    it('accepts a same-origin request', async () => {
      const session = await signIn();
      const answer = await identity.withSession(session, '/api/v1/auth/sign-out', {
        method: 'POST',
        headers: { origin: 'http://localhost:80', host: 'localhost:80' },
      });
      expect(answer.status).toBe(204);
    });

    it('answers 401 without a session, and 400 to a malformed JSON body', async () => {
      expect((await identity.call('/api/v1/auth/sign-out', { method: 'POST' })).status).toBe(401);
      const session = await signIn();
      const malformed = await identity.withSession(session, '/api/v1/auth/sign-out', { body: '{"all":' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toBe('REQUEST.MALFORMED_BODY');
    });
  });

  describe('POST /api/v1/auth/sign-out-everywhere', () => {
    it('ends every session of the account, and only that account’s', async () => {
      const other = uniqueEmail('bystander');
      await identity.signUp(other, GOOD_PASSWORD);
      const bystander = await identity.signIn(other, GOOD_PASSWORD);
      const [laptop, phone, tablet] = [await signIn(), await signIn(), await signIn()];
      const answer = await identity.withSession(phone, '/api/v1/auth/sign-out-everywhere', { method: 'POST' });
      expect(answer.status).toBe(204);
      expect(String(answer.headers['set-cookie'])).toContain('Max-Age=0');
      for (const session of [laptop, phone, tablet]) expect((await me(session)).status).toBe(401);
      expect((await me(bystander)).status).toBe(200);
    });

    it('refuses without the CSRF token (403) and without a session (401)', async () => {
      const session = await signIn();
      const refused = await identity.withSession(session, '/api/v1/auth/sign-out-everywhere', {
        method: 'POST',
        csrf: false,
      });
      expect(refused.status).toBe(403);
      expect((await me(session)).status).toBe(200);
      expect((await identity.call('/api/v1/auth/sign-out-everywhere', { method: 'POST' })).status).toBe(401);
    });
  });
});
