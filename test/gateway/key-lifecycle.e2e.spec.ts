import { randomBytes } from 'node:crypto';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@portal/event-sourcing';
import {
  apiKeyStreams,
  BASE62_ALPHABET,
  base62Encode,
  formatKey,
  KEY_BODY_BYTES,
  KEY_PREFIXES,
  KeyFormatFailure,
  parseKey,
} from '@portal/keys-domain';
import { KeyCacheService } from '../../apps/gateway/src/key-cache/key-cache.service';
import type { CachedKey } from '../../apps/gateway/src/key-cache/cached-key';
import {
  type Answer,
  createTeam,
  eventually,
  hashOf,
  keysTeamOfThree,
  keysUrl,
  KeysTestApp,
  keysVisibleTo,
  type Person,
} from '../keys/keys-test-app';
import { GOOD_PASSWORD, type Session } from '../teams/teams-test-app';

/**
 * A key's whole life, end to end, in the one-process portal: made, revoked and rolled through
 * the keys service's REST API, used through the gateway's partner API (`/v1/*`), which forwards
 * to the built-in demo upstream. Each test has a portal of its own.
 *
 * Time: the gateway decides with `Date.now()`, the keys service with KeysClock (`new Date()`),
 * identity's sessions with `new Date()`. Tests that need hours or days to pass fake Date alone
 * (every timer API stays real, so the bus, the relay and the scheduler's timer run as usual),
 * let it keep ticking, and only ever move it forward; the portal is stopped before Date is
 * restored, so no part of it ever sees time go back.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The one refusal of every key the gateway does not accept, whatever the reason. */
const UNAUTHENTICATED = {
  type: 'urn:cr3:problem:gateway.unauthenticated',
  title: 'Unauthorized',
  status: 401,
  detail: 'A valid API key is required: send it as Authorization: Bearer <key>',
  code: 'GATEWAY.UNAUTHENTICATED',
};

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

/** What the demo upstream answers: where the call went and the headers it arrived with. */
interface UpstreamAnswer {
  readonly upstream: 'live' | 'sandbox';
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly keyId: string | null;
  readonly teamId: string | null;
  readonly requestId: string | null;
  readonly headers: Record<string, string | string[] | undefined>;
}

const upstreamOf = (answer: Answer): UpstreamAnswer => answer.body as unknown as UpstreamAnswer;

/** Fakes Date only, ticking on from now; every timer API stays real. */
function fakeDateOnly(): void {
  jest.useFakeTimers({
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

/** Moves the faked Date to `at` (epoch ms), never back. */
function moveClockTo(at: number): void {
  if (at < Date.now()) throw new Error('the test clock only moves forward');
  jest.setSystemTime(at);
}

/** The key with its last character changed to another base62 character: its checksum fails. */
function mistyped(key: string): string {
  const last = key.slice(-1);
  const other = BASE62_ALPHABET.charAt((BASE62_ALPHABET.indexOf(last) + 1) % BASE62_ALPHABET.length);
  return `${key.slice(0, -1)}${other}`;
}

describe('a key’s life through the keys API and the gateway, in the one-process portal', () => {
  let app: KeysTestApp;

  beforeEach(async () => {
    app = await KeysTestApp.start();
  });

  afterEach(async () => {
    await app.stop();
    jest.useRealTimers();
  });

  // --- helpers -------------------------------------------------------------------------------

  /** A signed-in Owner of a new team that the keys service already knows. */
  async function ownerWithTeam(name = 'Lifecycle Owner'): Promise<{ owner: Person; teamId: string }> {
    const owner = await app.signUpAndIn(name);
    const teamId = await createTeam(app, owner, `${name}'s team`);
    await keysVisibleTo(app, owner, teamId);
    return { owner, teamId };
  }

  async function createKey(by: Person, teamId: string, body: Record<string, unknown>): Promise<Answer> {
    const answer = await app.as(by, keysUrl(teamId), { body });
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 201, code: undefined });
    return answer;
  }

  /** A partner call through the gateway, with the key as a Bearer token (or in x-api-key). */
  function gateway(key: string | null, how: 'bearer' | 'x-api-key' = 'bearer', url = '/v1/ping'): Promise<Answer> {
    const headers: Record<string, string> =
      key === null ? {} : how === 'bearer' ? { authorization: `Bearer ${key}` } : { 'x-api-key': key };
    return app.call(url, { headers });
  }

  /**
   * Calls the gateway until it answers `status` (the gateway learns of key changes from the bus
   * a moment after the keys service answers), at most `timeoutMs`; answers the last answer.
   */
  async function gatewayUntil(key: string, status: number, timeoutMs = 2_000): Promise<Answer> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = await gateway(key);
      if (answer.status === status || Date.now() > deadline) return answer;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The key as the gateway's key cache holds it now. */
  function gatewayCached(key: string): CachedKey | null {
    const found = app.app.get(KeyCacheService).resolve(hashOf(key), Date.now());
    return typeof found === 'object' && found !== null && !(found instanceof Promise) ? found : null;
  }

  /** The events recorded in a key's stream, oldest first. */
  async function keyEvents(keyId: string): Promise<readonly RecordedEvent[]> {
    return app.app.get<EventStore>(EVENT_STORE).readStream(apiKeyStreams.streamName(keyId));
  }

  /** GET `url` with `session` until the keys service's read model shows `until`. */
  function viewOnce(session: Session, url: string, until: (answer: Answer) => boolean): Promise<Answer> {
    return eventually(async () => {
      const answer = await app.withSession(session, url);
      return answer.status === 200 && until(answer) ? answer : undefined;
    });
  }

  /** A new session for `person` at the (moved) time: the old one has been idle too long. */
  async function signInAgain(person: Person): Promise<Session> {
    return app.signIn(person.email, GOOD_PASSWORD);
  }

  function expectForwarded(answer: Answer, expected: { keyId: string; teamId: string; upstream: 'live' | 'sandbox' }) {
    expect({ status: answer.status, contentType: answer.headers['content-type'] }).toEqual({
      status: 200,
      contentType: 'application/json',
    });
    expect(upstreamOf(answer)).toMatchObject({ ...expected, requestId: answer.headers['x-request-id'] });
  }

  function expectRefused(answer: Answer): void {
    expect({
      status: answer.status,
      contentType: answer.headers['content-type'],
      wwwAuthenticate: answer.headers['www-authenticate'],
      cacheControl: answer.headers['cache-control'],
    }).toEqual({ status: 401, contentType: PROBLEM_JSON, wwwAuthenticate: 'Bearer', cacheControl: 'no-store' });
    expect(answer.body).toEqual({ ...UNAUTHENTICATED, requestId: answer.headers['x-request-id'] });
    expect(typeof answer.body.requestId).toBe('string');
  }

  // --- 1 -------------------------------------------------------------------------------------

  it('forwards a call with a new key to the upstream, as that key and team, without the key itself', async () => {
    const { owner, teamId } = await ownerWithTeam();
    const created = await createKey(owner, teamId, {
      name: 'Checkout',
      environment: 'production',
      expiration: 'never',
    });
    const secret = String(created.body.secret);
    const keyId = String(created.body.keyId);
    expect(created.body).toMatchObject({ teamId, name: 'Checkout', environment: 'production', status: 'active' });
    expect(secret.startsWith(KEY_PREFIXES.production)).toBe(true);
    expect(parseKey(secret).ok).toBe(true);

    const answer = await gatewayUntil(secret, 200);
    expectForwarded(answer, { keyId, teamId, upstream: 'live' });
    expect(upstreamOf(answer)).toMatchObject({ method: 'GET', path: '/v1/ping', query: '' });
    const seen = upstreamOf(answer).headers;
    // The upstream did receive the call's other headers: the key's headers are missing because they were removed.
    expect(seen['x-requested-with']).toBe('XMLHttpRequest');
    expect(seen.authorization).toBeUndefined();
    expect(seen['x-api-key']).toBeUndefined();
    expect(seen['x-cr3-key-id']).toBe(keyId);
    expect(seen['x-cr3-team-id']).toBe(teamId);
    expect(answer.text).not.toContain(secret);

    // The same key in x-api-key: forwarded the same way, and that header does not reach the upstream either.
    const viaHeader = await gateway(secret, 'x-api-key', '/v1/credentials?page=2');
    expectForwarded(viaHeader, { keyId, teamId, upstream: 'live' });
    expect(upstreamOf(viaHeader)).toMatchObject({ path: '/v1/credentials', query: '?page=2' });
    expect(upstreamOf(viaHeader).headers['x-api-key']).toBeUndefined();
    expect(upstreamOf(viaHeader).headers.authorization).toBeUndefined();
    expect(viaHeader.text).not.toContain(secret);
  });

  // --- 2 -------------------------------------------------------------------------------------

  it('refuses a key once it is revoked: 401 problem+json with WWW-Authenticate: Bearer', async () => {
    const { owner, teamId } = await ownerWithTeam();
    const created = await createKey(owner, teamId, {
      name: 'Soon revoked',
      environment: 'production',
      expiration: 'never',
    });
    const secret = String(created.body.secret);
    const keyId = String(created.body.keyId);
    expectForwarded(await gatewayUntil(secret, 200), { keyId, teamId, upstream: 'live' });

    const revoked = await app.as(owner, keysUrl(teamId, `/${keyId}/revoke`), { body: { reason: 'Leaked' } });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      keyId,
      status: 'revoked',
      revocation: { cause: 'revoked', reason: 'Leaked', revokedBy: owner.userId },
    });

    expectRefused(await gatewayUntil(secret, 401, 1_000));
    expectRefused(await gateway(secret, 'x-api-key'));
    expectRefused(await gateway(secret));
  });

  // --- 3 -------------------------------------------------------------------------------------

  it('rolls with a grace period: both keys work until it ends, then only the new one, before and after the scheduler records it', async () => {
    fakeDateOnly();
    const { owner, teamId } = await ownerWithTeam();
    const old = await createKey(owner, teamId, { name: 'Search', environment: 'production', expiration: 'never' });
    const oldSecret = String(old.body.secret);
    const oldId = String(old.body.keyId);
    expectForwarded(await gatewayUntil(oldSecret, 200), { keyId: oldId, teamId, upstream: 'live' });

    const rolled = await app.as(owner, keysUrl(teamId, `/${oldId}/roll`), { body: { name: 'Search v2', grace: '1h' } });
    expect(rolled.status).toBe(201);
    const newSecret = String(rolled.body.secret);
    const newId = String(rolled.body.keyId);
    const graceEndsAt = String((rolled.body.rolledKey as { roll: { graceEndsAt: string } }).roll.graceEndsAt);
    expect(rolled.body).toMatchObject({
      name: 'Search v2',
      status: 'active',
      rolledFrom: oldId,
      rolledKey: { keyId: oldId, status: 'active', revocation: null, roll: { replacementKeyId: newId } },
    });
    expect(Date.parse(graceEndsAt) - Date.parse(String(rolled.body.createdAt))).toBe(HOUR_MS);
    expect(newSecret).not.toBe(oldSecret);

    // Right after the roll, both keys work, each as itself.
    expectForwarded(await gatewayUntil(newSecret, 200), { keyId: newId, teamId, upstream: 'live' });
    expectForwarded(await gateway(oldSecret), { keyId: oldId, teamId, upstream: 'live' });
    // The gateway has taken in the roll (its grace end) before the hour passes.
    await eventually(async () => Promise.resolve(gatewayCached(oldSecret)?.record.key.roll ?? undefined));

    // A minute before the grace period ends: still both.
    moveClockTo(Date.parse(graceEndsAt) - MINUTE_MS);
    expectForwarded(await gateway(oldSecret), { keyId: oldId, teamId, upstream: 'live' });
    expectForwarded(await gateway(newSecret), { keyId: newId, teamId, upstream: 'live' });

    // The grace period is over: the old key is refused at once, though nothing is recorded yet.
    moveClockTo(Date.parse(graceEndsAt) + 1_000);
    expect(app.keysNow().getTime()).toBeGreaterThan(Date.parse(graceEndsAt));
    expectRefused(await gateway(oldSecret));
    expectRefused(await gateway(oldSecret, 'x-api-key'));
    expectForwarded(await gateway(newSecret), { keyId: newId, teamId, upstream: 'live' });
    expect((await keyEvents(oldId)).map((event) => event.type)).toEqual(['ApiKeyCreated', 'ApiKeyRolled']);
    expect((await app.keyLookup().findBySecretHash(hashOf(oldSecret)))?.key.status).toBe('active');

    // The scheduler records the end of the grace period: ApiKeyRevoked, cause rolled, at graceEndsAt.
    expect(await app.runScheduler()).toEqual({ expired: 0, gracesEnded: 1, warningsSent: 0, failed: 0 });
    const events = await keyEvents(oldId);
    expect(events.map((event) => event.type)).toEqual(['ApiKeyCreated', 'ApiKeyRolled', 'ApiKeyRevoked']);
    expect(events.at(-1)?.data).toEqual({
      keyId: oldId,
      teamId,
      cause: 'rolled',
      reason: null,
      revokedBy: null,
      revokedAt: graceEndsAt,
    });
    const cached = await eventually(async () => {
      const key = gatewayCached(oldSecret);
      return Promise.resolve(key?.record.key.status === 'revoked' ? key : undefined);
    });
    expect(cached.record.revision).toBe(2);

    // Recorded: still refused, and the new key still works.
    expectRefused(await gateway(oldSecret));
    expectForwarded(await gateway(newSecret), { keyId: newId, teamId, upstream: 'live' });
    const session = await signInAgain(owner);
    const oldView = await viewOnce(session, keysUrl(teamId, `/${oldId}`), (key) => key.body.revocation !== null);
    expect(oldView.body).toMatchObject({
      status: 'revoked',
      revocation: { cause: 'rolled', reason: null, revokedBy: null, revokedAt: graceEndsAt },
    });
    expect((await app.withSession(session, keysUrl(teamId, `/${newId}`))).body).toMatchObject({
      status: 'active',
      rolledFrom: oldId,
    });
  });

  it('rolls without a grace period: the old key is refused at once, the new one works', async () => {
    const { owner, teamId } = await ownerWithTeam();
    const old = await createKey(owner, teamId, { name: 'Billing', environment: 'production', expiration: '90d' });
    const oldSecret = String(old.body.secret);
    const oldId = String(old.body.keyId);
    expectForwarded(await gatewayUntil(oldSecret, 200), { keyId: oldId, teamId, upstream: 'live' });

    const rolled = await app.as(owner, keysUrl(teamId, `/${oldId}/roll`), {
      body: { name: 'Billing v2', grace: 'none' },
    });
    expect(rolled.status).toBe(201);
    const newSecret = String(rolled.body.secret);
    const newId = String(rolled.body.keyId);
    expect(rolled.body).toMatchObject({
      rolledFrom: oldId,
      status: 'active',
      rolledKey: {
        keyId: oldId,
        status: 'revoked',
        roll: { replacementKeyId: newId, graceEndsAt: null },
        revocation: { cause: 'rolled', revokedBy: owner.userId },
      },
    });

    // "At once": as soon as the gateway hears of the roll, within a second, with no time passing.
    expectRefused(await gatewayUntil(oldSecret, 401, 1_000));
    expectForwarded(await gatewayUntil(newSecret, 200), { keyId: newId, teamId, upstream: 'live' });
    expectRefused(await gateway(oldSecret));
    expect((await keyEvents(oldId)).map((event) => event.type)).toEqual([
      'ApiKeyCreated',
      'ApiKeyRolled',
      'ApiKeyRevoked',
    ]);
  });

  // --- 4 -------------------------------------------------------------------------------------

  it('refuses an expired key, before the scheduler records the expiry and after', async () => {
    fakeDateOnly();
    const { owner, teamId } = await ownerWithTeam();
    const created = await createKey(owner, teamId, { name: 'Trial', environment: 'development', expiration: '30d' });
    const secret = String(created.body.secret);
    const keyId = String(created.body.keyId);
    const expiresAt = String(created.body.expiresAt);
    expect(Date.parse(expiresAt) - Date.parse(String(created.body.createdAt))).toBe(30 * DAY_MS);
    expectForwarded(await gatewayUntil(secret, 200), { keyId, teamId, upstream: 'sandbox' });

    // A minute before it expires, it still works.
    moveClockTo(Date.parse(expiresAt) - MINUTE_MS);
    expectForwarded(await gateway(secret), { keyId, teamId, upstream: 'sandbox' });

    // Expired: refused at once by the gateway, though the keys service has recorded nothing yet.
    moveClockTo(Date.parse(expiresAt) + 1_000);
    expect(app.keysNow().getTime()).toBeGreaterThan(Date.parse(expiresAt));
    expectRefused(await gateway(secret));
    expectRefused(await gateway(secret, 'x-api-key'));
    expect((await keyEvents(keyId)).map((event) => event.type)).toEqual(['ApiKeyCreated']);
    expect((await app.keyLookup().findBySecretHash(hashOf(secret)))?.key.status).toBe('active');

    // The scheduler records ApiKeyExpired, at the expiry time.
    expect(await app.runScheduler()).toEqual({ expired: 1, gracesEnded: 0, warningsSent: 0, failed: 0 });
    const events = await keyEvents(keyId);
    expect(events.map((event) => event.type)).toEqual(['ApiKeyCreated', 'ApiKeyExpired']);
    expect(events.at(-1)?.data).toEqual({ keyId, teamId, expiredAt: expiresAt });
    await eventually(async () =>
      Promise.resolve(gatewayCached(secret)?.record.key.status === 'expired' ? true : undefined),
    );

    expectRefused(await gateway(secret));
    const session = await signInAgain(owner);
    const view = await viewOnce(session, keysUrl(teamId, `/${keyId}`), (key) => key.body.expiredAt !== null);
    expect(view.body).toMatchObject({ status: 'expired', expiredAt: expiresAt });
  });

  // --- 5 -------------------------------------------------------------------------------------

  it('refuses no key, a malformed key, a mistyped key and an unknown key with one and the same 401', async () => {
    const { owner, teamId } = await ownerWithTeam();
    const created = await createKey(owner, teamId, { name: 'Real', environment: 'production', expiration: 'never' });
    const real = String(created.body.secret);
    expectForwarded(await gatewayUntil(real, 200), {
      keyId: String(created.body.keyId),
      teamId,
      upstream: 'live',
    });

    const truncated = real.slice(0, -1);
    const otherPrefix = `cr3_prod_${real.slice(KEY_PREFIXES.production.length)}`;
    const badChecksum = mistyped(real);
    const unknown = formatKey('production', base62Encode(randomBytes(KEY_BODY_BYTES)));
    // What the keys domain makes of them, so that each case is the one it claims to be.
    expect(parseKey(truncated)).toMatchObject({ ok: false, reason: KeyFormatFailure.MALFORMED });
    expect(parseKey(otherPrefix)).toMatchObject({ ok: false, reason: KeyFormatFailure.MALFORMED });
    expect(parseKey(badChecksum)).toMatchObject({ ok: false, reason: KeyFormatFailure.BAD_CHECKSUM });
    expect(badChecksum.slice(0, -1)).toBe(real.slice(0, -1));
    expect(parseKey(unknown)).toMatchObject({ ok: true });

    const answers = {
      none: await gateway(null),
      emptyBearer: await app.call('/v1/ping', { headers: { authorization: 'Bearer ' } }),
      otherScheme: await app.call('/v1/ping', { headers: { authorization: `Basic ${real}` } }),
      malformed: await gateway('not-an-api-key'),
      truncated: await gateway(truncated),
      otherPrefix: await gateway(otherPrefix),
      badChecksum: await gateway(badChecksum),
      badChecksumInHeader: await gateway(badChecksum, 'x-api-key'),
      unknown: await gateway(unknown),
      unknownInHeader: await gateway(unknown, 'x-api-key'),
    };
    for (const [what, answer] of Object.entries(answers)) {
      expect({ what, status: answer.status }).toEqual({ what, status: 401 });
      expectRefused(answer);
    }
    const { requestId: _id, ...body } = answers.none.body;
    for (const answer of Object.values(answers)) expect({ ...answer.body, requestId: undefined }).toEqual(body);
    expect(new Set(Object.values(answers).map((answer) => answer.body.requestId)).size).toBe(10);

    // The real key, unchanged, still works.
    expect((await gateway(real)).status).toBe(200);
  });

  // --- 6 -------------------------------------------------------------------------------------

  it('sends Development keys to the sandbox only, and Production keys to the live upstream', async () => {
    const { owner, teamId } = await ownerWithTeam();
    const development = await createKey(owner, teamId, {
      name: 'Dev',
      environment: 'development',
      expiration: 'never',
    });
    const production = await createKey(owner, teamId, {
      name: 'Prod',
      environment: 'production',
      expiration: 'never',
    });
    const devSecret = String(development.body.secret);
    const prodSecret = String(production.body.secret);
    expect(devSecret.startsWith(KEY_PREFIXES.development)).toBe(true);
    expect(prodSecret.startsWith(KEY_PREFIXES.production)).toBe(true);
    expect(development.body.environment).toBe('development');
    expect(production.body.environment).toBe('production');

    const devKey = { keyId: String(development.body.keyId), teamId };
    const prodKey = { keyId: String(production.body.keyId), teamId };
    expectForwarded(await gatewayUntil(devSecret, 200), { ...devKey, upstream: 'sandbox' });
    expectForwarded(await gatewayUntil(prodSecret, 200), { ...prodKey, upstream: 'live' });
    for (const url of ['/v1/ping', '/v1/credentials/123', '/v1/live/anything?world=live']) {
      for (const how of ['bearer', 'x-api-key'] as const) {
        expectForwarded(await gateway(devSecret, how, url), { ...devKey, upstream: 'sandbox' });
        expectForwarded(await gateway(prodSecret, how, url), { ...prodKey, upstream: 'live' });
      }
    }
  });

  // --- 7 -------------------------------------------------------------------------------------

  it('lets Admins but not Members create and revoke keys, and hides a team’s keys from other teams', async () => {
    const w = await keysTeamOfThree(app);
    const key = await createKey(w.owner, w.teamId, {
      name: 'Shared',
      environment: 'production',
      expiration: 'never',
    });
    const secret = String(key.body.secret);
    const keyId = String(key.body.keyId);
    expectForwarded(await gatewayUntil(secret, 200), { keyId, teamId: w.teamId, upstream: 'live' });

    // A Member may neither create nor revoke.
    const memberCreates = await app.as(w.member, keysUrl(w.teamId), {
      body: { name: 'Mine', environment: 'production', expiration: 'never' },
    });
    const memberRevokes = await app.as(w.member, keysUrl(w.teamId, `/${keyId}/revoke`), { body: {} });
    for (const answer of [memberCreates, memberRevokes]) {
      expect({ status: answer.status, contentType: answer.headers['content-type'], code: answer.body.code }).toEqual({
        status: 403,
        contentType: PROBLEM_JSON,
        code: 'KEY.FORBIDDEN',
      });
    }
    expect(memberCreates.body.secret).toBeUndefined();

    // Someone of another team can neither see nor revoke them: 404, as if there were no such team or key.
    const other = await app.signUpAndIn('Other Owner');
    const otherTeamId = await createTeam(app, other, 'Other team');
    await keysVisibleTo(app, other, otherTeamId);
    const viaThisTeam = [
      await app.as(other, keysUrl(w.teamId)),
      await app.as(other, keysUrl(w.teamId, `/${keyId}`)),
      await app.as(other, keysUrl(w.teamId, `/${keyId}/revoke`), { body: {} }),
    ];
    for (const answer of viaThisTeam) {
      expect({ status: answer.status, contentType: answer.headers['content-type'], code: answer.body.code }).toEqual({
        status: 404,
        contentType: PROBLEM_JSON,
        code: 'TEAM.NOT_FOUND',
      });
      expect(answer.text).not.toContain(keyId);
    }
    const viaTheirTeam = [
      await app.as(other, keysUrl(otherTeamId, `/${keyId}`)),
      await app.as(other, keysUrl(otherTeamId, `/${keyId}/revoke`), { body: {} }),
    ];
    for (const answer of viaTheirTeam) {
      expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 404, code: 'KEY.NOT_FOUND' });
    }
    expect((await app.as(other, keysUrl(otherTeamId))).body).toEqual({ keys: [] });

    // After all these attempts the key is untouched and still works.
    expect((await keyEvents(keyId)).map((event) => event.type)).toEqual(['ApiKeyCreated']);
    expectForwarded(await gateway(secret), { keyId, teamId: w.teamId, upstream: 'live' });
    expect((await app.as(w.owner, keysUrl(w.teamId, `/${keyId}`))).body).toMatchObject({
      status: 'active',
      revocation: null,
    });

    // An Admin may create and revoke.
    const adminKey = await app.as(w.admin, keysUrl(w.teamId), {
      body: { name: 'Admin made', environment: 'production', expiration: '30d' },
    });
    expect(adminKey.status).toBe(201);
    expect(adminKey.body).toMatchObject({ teamId: w.teamId, createdBy: w.admin.userId, status: 'active' });
    const adminSecret = String(adminKey.body.secret);
    const adminKeyId = String(adminKey.body.keyId);
    expectForwarded(await gatewayUntil(adminSecret, 200), { keyId: adminKeyId, teamId: w.teamId, upstream: 'live' });
    const adminRevokes = await app.as(w.admin, keysUrl(w.teamId, `/${adminKeyId}/revoke`), { body: {} });
    expect(adminRevokes.status).toBe(200);
    expect(adminRevokes.body).toMatchObject({
      status: 'revoked',
      revocation: { cause: 'revoked', revokedBy: w.admin.userId },
    });
    expectRefused(await gatewayUntil(adminSecret, 401, 1_000));
    // Revoking the Admin's key left the Owner's alone.
    expectForwarded(await gateway(secret), { keyId, teamId: w.teamId, upstream: 'live' });
  });
});
