import {
  type Answer,
  createTeam,
  keysTeamOfThree,
  keysUrl,
  KeysTestApp,
  keysVisibleTo,
  type Person,
} from './keys-test-app';

type World = Awaited<ReturnType<typeof keysTeamOfThree>>;
type Actor = 'owner' | 'admin' | 'member' | 'stranger' | 'none';
const ACTORS: readonly Actor[] = ['owner', 'admin', 'member', 'stranger', 'none'];

interface Endpoint {
  readonly name: string;
  readonly safe?: boolean;
  /** The request, about `keyId` (a fresh key of the team for each request). */
  readonly request: (
    w: World,
    keyId: string,
  ) => { url: string; method: 'GET' | 'POST' | 'PATCH' | 'PUT'; body?: object };
  readonly expected: Record<Actor, number>;
}

const MANAGE = { owner: 200, admin: 200, member: 403, stranger: 404, none: 401 };
const READ = { owner: 200, admin: 200, member: 200, stranger: 404, none: 401 };

const ENDPOINTS: readonly Endpoint[] = [
  {
    name: 'POST /teams/:teamId/keys (create)',
    request: (w) => ({
      method: 'POST',
      url: keysUrl(w.teamId),
      body: { name: 'Matrix', environment: 'development', expiration: '30d' },
    }),
    expected: { ...MANAGE, owner: 201, admin: 201 },
  },
  {
    name: 'GET /teams/:teamId/keys (list)',
    safe: true,
    request: (w) => ({ method: 'GET', url: keysUrl(w.teamId) }),
    expected: READ,
  },
  {
    name: 'GET /teams/:teamId/keys/:keyId (view)',
    safe: true,
    request: (w, keyId) => ({ method: 'GET', url: keysUrl(w.teamId, `/${keyId}`) }),
    expected: READ,
  },
  {
    name: 'PATCH /teams/:teamId/keys/:keyId (rename)',
    request: (w, keyId) => ({ method: 'PATCH', url: keysUrl(w.teamId, `/${keyId}`), body: { name: 'Renamed' } }),
    expected: MANAGE,
  },
  {
    name: 'POST /teams/:teamId/keys/:keyId/revoke',
    request: (w, keyId) => ({ method: 'POST', url: keysUrl(w.teamId, `/${keyId}/revoke`), body: { reason: 'test' } }),
    expected: MANAGE,
  },
  {
    name: 'POST /teams/:teamId/keys/:keyId/roll',
    request: (w, keyId) => ({
      method: 'POST',
      url: keysUrl(w.teamId, `/${keyId}/roll`),
      body: { name: 'Rolled', grace: '1h' },
    }),
    expected: { ...MANAGE, owner: 201, admin: 201 },
  },
  {
    name: 'PUT /teams/:teamId/keys/:keyId/limits',
    request: (w, keyId) => ({
      method: 'PUT',
      url: keysUrl(w.teamId, `/${keyId}/limits`),
      body: { rate: { perSecond: 1, burst: 1 } },
    }),
    expected: MANAGE,
  },
];

describe('keys: who may do what (Owner, Admin, Member, stranger, no session)', () => {
  let app: KeysTestApp;
  let w: World;

  beforeAll(async () => {
    app = await KeysTestApp.start();
    w = await keysTeamOfThree(app);
  });

  afterAll(async () => {
    await app.stop();
  });

  const personOf = (actor: Actor): Person | null => (actor === 'none' ? null : w[actor]);

  /** A fresh key of the team, already in the read model. */
  async function freshKey(): Promise<string> {
    const keyId = String((await app.createKey(w.owner, w.teamId, { expiration: '90d' })).body.keyId);
    await app.keyOnceListed(w.owner, w.teamId, keyId);
    return keyId;
  }

  const send = (endpoint: Endpoint, actor: Actor, keyId: string, csrf = true): Promise<Answer> => {
    const { url, method, body } = endpoint.request(w, keyId);
    return app.as(personOf(actor), url, { method, body, csrf });
  };

  it.each(ENDPOINTS.map((endpoint) => [endpoint.name, endpoint] as const))('%s', async (_name, endpoint) => {
    const keyId = await freshKey();
    const before = (await app.as(w.owner, keysUrl(w.teamId))).text;
    for (const actor of ACTORS.filter((a) => endpoint.expected[a] >= 300)) {
      const answer = await send(endpoint, actor, keyId);
      expect({ actor, status: answer.status }).toEqual({ actor, status: endpoint.expected[actor] });
      expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      if (actor === 'member') expect(answer.body.code).toBe('KEY.FORBIDDEN');
      if (actor === 'stranger') expect(answer.body.code).toBe('TEAM.NOT_FOUND');
    }
    if (endpoint.safe !== true) {
      const withoutCsrf = await send(endpoint, 'owner', keyId, false);
      expect(withoutCsrf.status).toBe(403);
      expect(withoutCsrf.body).toMatchObject({ code: 'AUTH.CSRF' });
    }
    expect((await app.as(w.owner, keysUrl(w.teamId))).text).toEqual(before);
    for (const actor of ACTORS.filter((a) => endpoint.expected[a] < 300)) {
      const answer = await send(endpoint, actor, endpoint.safe === true ? keyId : await freshKey());
      expect({ actor, status: answer.status }).toEqual({ actor, status: endpoint.expected[actor] });
    }
  });

  it("another team's Owner can neither see nor change this team's keys: 404 everywhere", async () => {
    const keyId = await freshKey();
    const other = await app.signUpAndIn('Other Owner');
    const otherTeam = await createTeam(app, other, 'Other team');
    await keysVisibleTo(app, other, otherTeam);
    const viaTheirTeam = (rest: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' = 'GET', body?: object) =>
      app.as(other, keysUrl(otherTeam, rest), { method, body });
    const viaThisTeam = (rest: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' = 'GET', body?: object) =>
      app.as(other, keysUrl(w.teamId, rest), { method, body });
    const theirs = [
      await viaTheirTeam(`/${keyId}`),
      await viaTheirTeam(`/${keyId}`, 'PATCH', { name: 'Mine now' }),
      await viaTheirTeam(`/${keyId}/revoke`, 'POST', {}),
      await viaTheirTeam(`/${keyId}/roll`, 'POST', { name: 'Stolen', grace: 'none' }),
      await viaTheirTeam(`/${keyId}/limits`, 'PUT', {}),
    ];
    for (const answer of theirs)
      expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 404, code: 'KEY.NOT_FOUND' });
    const ours = [
      await viaThisTeam(''),
      await viaThisTeam(`/${keyId}`),
      await viaThisTeam('', 'POST', { name: 'Intruder', environment: 'production', expiration: 'never' }),
      await viaThisTeam(`/${keyId}/revoke`, 'POST'),
    ];
    for (const answer of ours)
      expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 404, code: 'TEAM.NOT_FOUND' });
    expect((await app.as(other, keysUrl(otherTeam))).body).toEqual({ keys: [] });
    const unchanged = await app.as(w.owner, keysUrl(w.teamId, `/${keyId}`));
    expect(unchanged.body).toMatchObject({ status: 'active', name: 'Checkout', roll: null, limits: {} });
  });

  it('a member who leaves loses access to the keys', async () => {
    const team = await keysTeamOfThree(app);
    expect((await app.as(team.member, `/api/v1/teams/${team.teamId}/leave`, { method: 'POST' })).status).toBe(204);
    const refused = await app.eventuallyStatus(team.member, keysUrl(team.teamId), 404);
    expect(refused.body.code).toBe('TEAM.NOT_FOUND');
  });
});
