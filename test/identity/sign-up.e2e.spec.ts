import { EVENT_STORE, type EventStore } from '@portal/event-sourcing';
import { GOOD_PASSWORD, IdentityTestApp, uniqueEmail, withoutRequestId } from './identity-test-app';

describe('POST /api/v1/auth/sign-up', () => {
  let identity: IdentityTestApp;

  beforeAll(async () => {
    identity = await IdentityTestApp.start();
  });

  afterAll(async () => {
    await identity.stop();
  });

  describe('happy path', () => {
    it('accepts a new account with 202 and a neutral body, and the account can sign in', async () => {
      const email = uniqueEmail('ada');
      const answer = await identity.signUp(email, GOOD_PASSWORD, 'Ada Lovelace');
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual({
        status: 'accepted',
        message: 'Sign-up received. Sign in with your email and password.',
      });
      expect(answer.headers['set-cookie']).toBeUndefined();
      const session = await identity.signIn(email.toUpperCase(), GOOD_PASSWORD);
      expect(session.body).toMatchObject({ email, displayName: 'Ada Lovelace' });
    });

    it('records AccountRegistered with the normalized email and no secret', async () => {
      const email = uniqueEmail('grace');
      await identity.signUp(`  ${email.toUpperCase()} `, GOOD_PASSWORD, ' Grace Hopper ');
      const store = identity.app.get<EventStore>(EVENT_STORE);
      const { events } = await store.readAll();
      const registered = events.filter(
        (event) => event.type === 'AccountRegistered' && (event.data as { email: string }).email === email,
      );
      expect(registered).toHaveLength(1);
      const [event] = registered;
      expect(event?.streamId).toMatch(/^account-/);
      expect(Object.keys(event?.data as object).sort()).toEqual(['displayName', 'email', 'registeredAt', 'userId']);
      expect(event?.data).toMatchObject({ email, displayName: 'Grace Hopper' });
      expect(JSON.stringify(events)).not.toContain(GOOD_PASSWORD);
      expect(JSON.stringify(events)).not.toContain('$argon2');
      expect(events.some((e) => e.type === 'EmailReserved' && /^email-[0-9a-f]{64}$/.test(e.streamId))).toBe(true);
    });
  });

  describe('enumeration', () => {
    it('answers a taken email exactly as a new one, creates nothing, and keeps the owner’s password', async () => {
      const email = uniqueEmail('taken');
      const first = await identity.signUp(email, GOOD_PASSWORD, 'Owner');
      const second = await identity.signUp(email.toUpperCase(), 'another fine passphrase', 'Intruder');
      expect(second.status).toBe(first.status);
      expect(second.body).toEqual(first.body);
      expect(Object.keys(second.headers).sort()).toEqual(Object.keys(first.headers).sort());
      const owner = await identity.signIn(email, GOOD_PASSWORD);
      expect(owner.body.displayName).toBe('Owner');
      expect((await identity.signInAnswer(email, 'another fine passphrase')).status).toBe(401);
    });

    it('two concurrent sign-ups with one email create one account', async () => {
      const email = uniqueEmail('race');
      const answers = await Promise.all([
        identity.signUp(email, GOOD_PASSWORD, 'First'),
        identity.signUp(email, 'a different passphrase', 'Second'),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([202, 202]);
      const store = identity.app.get<EventStore>(EVENT_STORE);
      const { events } = await store.readAll({ maxCount: 10_000 });
      const accounts = events.filter(
        (event) => event.type === 'AccountRegistered' && (event.data as { email: string }).email === email,
      );
      expect(accounts).toHaveLength(1);
    });
  });

  describe('password policy', () => {
    it.each([
      ['a common password', 'Password1', 'is one of the most common passwords; choose another'],
      ['a short password', 'short7!', 'must have at least 8 characters'],
    ])('refuses %s with 400 IDENTITY.WEAK_PASSWORD naming the field', async (_what, password, explanation) => {
      const email = uniqueEmail('weak');
      const answer = await identity.signUp(email, password);
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(withoutRequestId(answer.body)).toEqual({
        type: 'urn:cr3:problem:identity.weak_password',
        title: 'Bad Request',
        status: 400,
        code: 'IDENTITY.WEAK_PASSWORD',
        detail: `The password ${explanation}`,
        errors: [{ field: 'password', message: `password ${explanation}` }],
      });
      expect(answer.text).not.toContain(password);
      expect((await identity.signInAnswer(email, password)).status).toBe(401);
    });
  });

  describe('bad input', () => {
    const valid = { email: 'x@example.test', password: GOOD_PASSWORD, displayName: 'X' };

    it.each([
      ['a missing email', { ...valid, email: undefined }, 'email'],
      ['an email that is not one', { ...valid, email: 'not-an-email' }, 'email'],
      ['an email of the wrong type', { ...valid, email: 42 }, 'email'],
      ['an overlong email', { ...valid, email: `${'a'.repeat(250)}@example.test` }, 'email'],
      ['a password of the wrong type', { ...valid, password: ['a', 'b'] }, 'password'],
      ['an overlong password', { ...valid, password: 'p'.repeat(129) }, 'password'],
      ['a blank display name', { ...valid, displayName: '   ' }, 'displayName'],
      ['an overlong display name', { ...valid, displayName: 'n'.repeat(101) }, 'displayName'],
      ['a display name of the wrong type', { ...valid, displayName: { first: 'Ada' } }, 'displayName'],
      ['an unknown field', { ...valid, isAdmin: true }, 'isAdmin'],
    ])('refuses %s with 400 naming the field', async (_what, body, field) => {
      const answer = await identity.call('/api/v1/auth/sign-up', { body });
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(answer.body).toMatchObject({ status: 400, code: 'REQUEST.VALIDATION' });
      const fields = (answer.body.errors as { field: string }[]).map((error) => error.field);
      expect(fields).toContain(field);
      expect(answer.text).not.toContain(GOOD_PASSWORD);
    });

    it('refuses malformed JSON with 400 REQUEST.MALFORMED_BODY, without echoing the body', async () => {
      const answer = await identity.call('/api/v1/auth/sign-up', {
        body: '{"email": "a@b.test", "password": "hunter22',
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'REQUEST.MALFORMED_BODY', status: 400 });
      expect(answer.text).not.toContain('hunter22');
    });

    it('refuses a body that is not a JSON object', async () => {
      for (const body of ['[]', '"text"', '42', 'null']) {
        const answer = await identity.call('/api/v1/auth/sign-up', { body });
        expect(answer.status).toBe(400);
        expect(answer.body.errors).toEqual([{ field: 'body', message: 'the body must be a JSON object' }]);
      }
    });

    it('refuses a body in a media type other than JSON or a form with 415', async () => {
      const answer = await identity.call('/api/v1/auth/sign-up', {
        body: 'email=a@b.test',
        headers: { 'content-type': 'text/csv' },
      });
      expect(answer.status).toBe(415);
      expect(answer.body).toMatchObject({ code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
    });
  });

  describe('security', () => {
    it('refuses a sign-up without x-requested-with (login CSRF), 403 AUTH.CSRF', async () => {
      const answer = await identity.call('/api/v1/auth/sign-up', {
        body: { email: uniqueEmail(), password: GOOD_PASSWORD, displayName: 'X' },
        headers: { 'x-requested-with': '' },
      });
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 'AUTH.CSRF' });
    });

    it('refuses the form post a cross-site page could send (no custom header), 403', async () => {
      const answer = await identity.call('/api/v1/auth/sign-up', {
        body: `email=${encodeURIComponent(uniqueEmail())}&password=tangerine+kayak+42&displayName=X`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-requested-with': '' },
      });
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 'AUTH.CSRF' });
    });

    it('refuses a sign-up sent from another origin', async () => {
      const answer = await identity.call('/api/v1/auth/sign-up', {
        body: { email: uniqueEmail(), password: GOOD_PASSWORD, displayName: 'X' },
        headers: { origin: 'https://evil.example' },
      });
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 'AUTH.CSRF' });
    });
  });
});
