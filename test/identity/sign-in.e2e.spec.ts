import { READ_MODEL_STORE, type ReadModelStore } from '@portal/read-models';
import { sessionsModel } from '../../apps/identity/src/sessions/sessions.store';
import { GOOD_PASSWORD, IdentityTestApp, uniqueEmail, withoutRequestId } from './identity-test-app';

describe('POST /api/v1/auth/sign-in', () => {
  let identity: IdentityTestApp;
  let email: string;
  let ipCounter = 0;
  /** A source address no other test uses, so the per-IP throttle of one test leaves the others alone. */
  const freshIp = (): string => `10.0.${Math.floor((ipCounter += 1) / 250)}.${ipCounter % 250}`;

  beforeAll(async () => {
    identity = await IdentityTestApp.start();
    email = uniqueEmail('signin');
    await identity.signUp(email, GOOD_PASSWORD, 'Ada Lovelace');
  });

  afterAll(async () => {
    await identity.stop();
  });

  describe('happy path', () => {
    it('opens a session: the account, a CSRF token, and an HttpOnly SameSite=Lax cookie', async () => {
      const answer = await identity.signInAnswer(email, GOOD_PASSWORD, { ip: freshIp() });
      expect(answer.status).toBe(200);
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(Object.keys(answer.body).sort()).toEqual([
        'csrfToken',
        'displayName',
        'email',
        'expiresAt',
        'sessionId',
        'userId',
      ]);
      expect(answer.body).toMatchObject({ email, displayName: 'Ada Lovelace' });
      expect(answer.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(answer.body.userId).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(String(answer.body.expiresAt)) - Date.now()).toBeGreaterThan(11.9 * 3600_000);
      const cookie = String(answer.headers['set-cookie']);
      expect(cookie).toMatch(/^portal_session=[A-Za-z0-9_-]{43}; /);
      expect(cookie).toContain('; HttpOnly');
      expect(cookie).toContain('; SameSite=Lax');
      expect(cookie).toContain('; Path=/');
      expect(cookie).toContain('; Max-Age=43200');
      expect(cookie).not.toContain('Secure');
    });

    it('marks the cookie Secure when the request came over https through a proxy', async () => {
      const session = await identity.signIn(email, GOOD_PASSWORD, {
        ip: freshIp(),
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(session.setCookie).toContain('; Secure');
    });

    it('stores only a hash of the session token, never the token', async () => {
      const session = await identity.signIn(email, GOOD_PASSWORD, { ip: freshIp() });
      const token = session.cookie.split('=')[1] ?? '';
      const sessions = await identity.app.get<ReadModelStore>(READ_MODEL_STORE).collection(sessionsModel);
      const stored: string[] = [];
      for await (const entry of sessions.entries()) stored.push(JSON.stringify(entry));
      expect(stored.length).toBeGreaterThan(0);
      expect(stored.join('\n')).not.toContain(token);
      expect(stored.join('\n')).toContain(String(session.body.sessionId));
    });

    it('issues a new token at every sign-in and ends the one the browser held', async () => {
      const ip = freshIp();
      const first = await identity.signIn(email, GOOD_PASSWORD, { ip });
      const second = await identity.signIn(email, GOOD_PASSWORD, { ip, headers: { cookie: first.cookie } });
      expect(second.cookie).not.toBe(first.cookie);
      expect((await identity.withSession(first, '/api/v1/auth/me')).status).toBe(401);
      expect((await identity.withSession(second, '/api/v1/auth/me')).status).toBe(200);
    });
  });

  describe('no account enumeration', () => {
    it('answers an unknown email and a wrong password identically', async () => {
      const unknown = await identity.signInAnswer(uniqueEmail('nobody'), GOOD_PASSWORD, { ip: freshIp() });
      const wrong = await identity.signInAnswer(email, 'not the password', { ip: freshIp() });
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(withoutRequestId(unknown.body)).toEqual(withoutRequestId(wrong.body));
      expect(withoutRequestId(wrong.body)).toEqual({
        type: 'urn:cr3:problem:identity.invalid_credentials',
        title: 'Unauthorized',
        status: 401,
        code: 'IDENTITY.INVALID_CREDENTIALS',
        detail: 'The email or the password is incorrect',
      });
      const headersOf = (answer: typeof wrong) => Object.keys(answer.headers).sort();
      expect(headersOf(unknown)).toEqual(headersOf(wrong));
      expect(unknown.headers['set-cookie']).toBeUndefined();
    });

    it('spends argon2 time on an unknown email too', async () => {
      const time = async (address: string): Promise<number> => {
        const began = process.hrtime.bigint();
        await identity.signInAnswer(address, 'not the password', { ip: freshIp() });
        return Number(process.hrtime.bigint() - began) / 1e6;
      };
      await time(uniqueEmail('warm-up'));
      const unknown = Math.min(await time(uniqueEmail('x')), await time(uniqueEmail('y')));
      const known = Math.min(await time(email), await time(email));
      // Both pay for one argon2id verification (m=19 MiB, t=2): ~15-60 ms here.
      expect(unknown).toBeGreaterThan(known / 3);
      await identity.signIn(email, GOOD_PASSWORD, { ip: freshIp() }); // forgives the failures above
    });
  });

  describe('throttling', () => {
    it('after 5 failures for one email, answers 429 with Retry-After, even to the right password', async () => {
      const victim = uniqueEmail('victim');
      await identity.signUp(victim, GOOD_PASSWORD);
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        expect((await identity.signInAnswer(victim, `wrong ${attempt}`, { ip: freshIp() })).status).toBe(401);
      }
      const refused = await identity.signInAnswer(victim, GOOD_PASSWORD, { ip: freshIp() });
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ code: 'IDENTITY.THROTTLED', status: 429 });
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    });

    it('throttles an unknown email the same way, so a 429 reveals nothing', async () => {
      const nobody = uniqueEmail('nobody');
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        await identity.signInAnswer(nobody, `wrong ${attempt}`, { ip: freshIp() });
      }
      expect((await identity.signInAnswer(nobody, 'wrong 6', { ip: freshIp() })).status).toBe(429);
    });

    it('after 20 failures from one address, refuses every email from it but not from elsewhere', async () => {
      const ip = freshIp();
      for (let attempt = 1; attempt <= 20; attempt += 1) {
        expect((await identity.signInAnswer(uniqueEmail('spray'), 'wrong password', { ip })).status).toBe(401);
      }
      const refused = await identity.signInAnswer(email, GOOD_PASSWORD, { ip });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await identity.signInAnswer(email, GOOD_PASSWORD, { ip: freshIp() })).status).toBe(200);
    });
  });

  describe('bad input', () => {
    it.each([
      ['a missing email', { password: GOOD_PASSWORD }, 'email'],
      ['an email that is not one', { email: 'ada', password: GOOD_PASSWORD }, 'email'],
      ['an email of the wrong type', { email: true, password: GOOD_PASSWORD }, 'email'],
      ['an overlong email', { email: `${'a'.repeat(250)}@example.test`, password: GOOD_PASSWORD }, 'email'],
      ['an empty password', { email: 'a@example.test', password: '' }, 'password'],
      ['a password of the wrong type', { email: 'a@example.test', password: 12345678 }, 'password'],
      ['an overlong password', { email: 'a@example.test', password: 'p'.repeat(129) }, 'password'],
      ['an unknown field', { email: 'a@example.test', password: GOOD_PASSWORD, remember: true }, 'remember'],
    ])('refuses %s with 400 naming the field, never echoing the password', async (_what, body, field) => {
      const answer = await identity.call('/api/v1/auth/sign-in', { body, ip: freshIp() });
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(answer.body.code).toBe('REQUEST.VALIDATION');
      expect((answer.body.errors as { field: string }[]).map((error) => error.field)).toContain(field);
      expect(answer.text).not.toContain(GOOD_PASSWORD);
    });

    it('refuses malformed JSON with 400', async () => {
      const answer = await identity.call('/api/v1/auth/sign-in', { body: `{"email":"${email}",`, ip: freshIp() });
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('REQUEST.MALFORMED_BODY');
    });
  });

  describe('security', () => {
    it('refuses a sign-in without x-requested-with (login CSRF)', async () => {
      const answer = await identity.call('/api/v1/auth/sign-in', {
        body: { email, password: GOOD_PASSWORD },
        headers: { 'x-requested-with': '' },
        ip: freshIp(),
      });
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('AUTH.CSRF');
      expect(answer.headers['set-cookie']).toBeUndefined();
    });

    it('refuses a sign-in marked cross-site by the browser', async () => {
      const answer = await identity.call('/api/v1/auth/sign-in', {
        body: { email, password: GOOD_PASSWORD },
        headers: { 'sec-fetch-site': 'cross-site' },
        ip: freshIp(),
      });
      expect(answer.status).toBe(403);
    });
  });
});
