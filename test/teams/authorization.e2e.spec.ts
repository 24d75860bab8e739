import { createTeam, newestMailTo, teamOfThree, tokenOf } from './team-world';
import { type Answer, eventually, type Person, TeamsTestApp, uniqueEmail } from './teams-test-app';

type World = Awaited<ReturnType<typeof teamOfThree>> & { invitationId: string; token: string };
type Actor = 'owner' | 'admin' | 'member' | 'stranger' | 'none';
const ACTORS: readonly Actor[] = ['owner', 'admin', 'member', 'stranger', 'none'];

interface Endpoint {
  readonly name: string;
  readonly safe?: boolean;
  /** The request `actor` makes; `target` is the member acted on, never the actor. */
  readonly request: (
    world: World,
    actor: Actor,
  ) => { url: string; method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; body?: object };
  /** The status of each actor's request; the others of 2xx are the allowed cells. */
  readonly expected: Record<Actor, number>;
}

const target = (world: World, actor: Actor): Person => (actor === 'member' ? world.admin : world.member);

const ENDPOINTS: readonly Endpoint[] = [
  {
    name: 'GET /teams/:teamId (overview)',
    safe: true,
    request: (w) => ({ method: 'GET', url: `/api/v1/teams/${w.teamId}` }),
    expected: { owner: 200, admin: 200, member: 200, stranger: 404, none: 401 },
  },
  {
    name: 'PATCH /teams/:teamId (update)',
    request: (w) => ({ method: 'PATCH', url: `/api/v1/teams/${w.teamId}`, body: { name: 'Renamed' } }),
    expected: { owner: 200, admin: 200, member: 403, stranger: 404, none: 401 },
  },
  {
    name: 'POST /teams/:teamId/invitations (invite)',
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/teams/${w.teamId}/invitations`,
      body: { email: uniqueEmail('matrix'), role: 'member' },
    }),
    expected: { owner: 201, admin: 201, member: 403, stranger: 404, none: 401 },
  },
  {
    name: 'POST /teams/:teamId/invitations (invite an Owner)',
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/teams/${w.teamId}/invitations`,
      body: { email: uniqueEmail('matrix-owner'), role: 'owner' },
    }),
    expected: { owner: 201, admin: 403, member: 403, stranger: 404, none: 401 },
  },
  {
    name: 'POST /teams/:teamId/invitations/:invitationId/resend',
    request: (w) => ({ method: 'POST', url: `/api/v1/teams/${w.teamId}/invitations/${w.invitationId}/resend` }),
    expected: { owner: 200, admin: 200, member: 403, stranger: 404, none: 401 },
  },
  {
    name: 'DELETE /teams/:teamId/invitations/:invitationId (revoke)',
    request: (w) => ({ method: 'DELETE', url: `/api/v1/teams/${w.teamId}/invitations/${w.invitationId}` }),
    expected: { owner: 204, admin: 204, member: 403, stranger: 404, none: 401 },
  },
  {
    name: 'PATCH /teams/:teamId/members/:userId (change role)',
    request: (w, actor) => ({
      method: 'PATCH',
      url: `/api/v1/teams/${w.teamId}/members/${target(w, actor).userId}`,
      body: { role: actor === 'member' ? 'member' : 'admin' },
    }),
    expected: { owner: 200, admin: 200, member: 403, stranger: 404, none: 401 },
  },
  {
    name: 'PATCH /teams/:teamId/members/:userId (make an Owner)',
    request: (w, actor) => ({
      method: 'PATCH',
      url: `/api/v1/teams/${w.teamId}/members/${target(w, actor).userId}`,
      body: { role: 'owner' },
    }),
    expected: { owner: 200, admin: 403, member: 403, stranger: 404, none: 401 },
  },
  {
    name: 'DELETE /teams/:teamId/members/:userId (remove)',
    request: (w, actor) => ({ method: 'DELETE', url: `/api/v1/teams/${w.teamId}/members/${target(w, actor).userId}` }),
    expected: { owner: 204, admin: 204, member: 403, stranger: 404, none: 401 },
  },
  {
    name: 'POST /teams/:teamId/leave',
    request: (w) => ({ method: 'POST', url: `/api/v1/teams/${w.teamId}/leave` }),
    // The only Owner cannot leave: a team keeps at least one Owner.
    expected: { owner: 409, admin: 204, member: 204, stranger: 404, none: 401 },
  },
  {
    name: 'POST /teams/:teamId/transfer-ownership',
    request: (w, actor) => ({
      method: 'POST',
      url: `/api/v1/teams/${w.teamId}/transfer-ownership`,
      body: { userId: target(w, actor).userId },
    }),
    expected: { owner: 200, admin: 403, member: 403, stranger: 404, none: 401 },
  },
];

describe('teams: who may do what (Owner, Admin, Member, stranger, no session)', () => {
  let app: TeamsTestApp;

  beforeAll(async () => {
    app = await TeamsTestApp.start();
  });

  afterAll(async () => {
    await app.stop();
  });

  async function world(): Promise<World> {
    const team = await teamOfThree(app);
    const email = uniqueEmail('pending');
    const invited = await app.as(team.owner, `/api/v1/teams/${team.teamId}/invitations`, {
      body: { email, role: 'member' },
    });
    const token = tokenOf((await newestMailTo(app, email)).text);
    const invitationId = String(invited.body.invitationId);
    await eventually(async () =>
      (await snapshot({ ...team, invitationId, token })).includes(invitationId) ? true : undefined,
    );
    return { ...team, invitationId, token };
  }

  const personOf = (w: World, actor: Actor): Person | null => (actor === 'none' ? null : w[actor]);

  const send = (w: World, actor: Actor, endpoint: Endpoint, csrf = true): Promise<Answer> => {
    const { url, method, body } = endpoint.request(w, actor);
    return app.as(personOf(w, actor), url, { method, body, csrf });
  };

  /** The team as its Owner sees it, straight from the teams stream's projection. */
  const snapshot = async (w: World): Promise<string> => (await app.as(w.owner, `/api/v1/teams/${w.teamId}`)).text;

  it.each(ENDPOINTS.map((endpoint) => [endpoint.name, endpoint] as const))('%s', async (_name, endpoint) => {
    const shared = await world();
    const before = await snapshot(shared);
    for (const actor of ACTORS.filter((a) => endpoint.expected[a] >= 300)) {
      const answer = await send(shared, actor, endpoint);
      expect({ actor, status: answer.status }).toEqual({ actor, status: endpoint.expected[actor] });
      expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    }
    if (endpoint.safe !== true) {
      const withoutCsrf = await send(shared, 'owner', endpoint, false);
      expect(withoutCsrf.status).toBe(403);
      expect(withoutCsrf.body).toMatchObject({ code: 'AUTH.CSRF' });
    }
    expect(await snapshot(shared)).toEqual(before);
    for (const actor of ACTORS.filter((a) => endpoint.expected[a] < 300)) {
      const answer = await send(endpoint.safe === true ? shared : await world(), actor, endpoint);
      expect({ actor, status: answer.status }).toEqual({ actor, status: endpoint.expected[actor] });
    }
  });

  it('GET /teams lists only the caller’s teams; without a session it answers 401', async () => {
    const w = await world();
    for (const actor of ['owner', 'admin', 'member'] as const) {
      const answer = await app.as(w[actor], '/api/v1/teams');
      expect(answer.body.teams).toEqual([expect.objectContaining({ teamId: w.teamId })]);
    }
    expect((await app.as(w.stranger, '/api/v1/teams')).body).toEqual({ teams: [] });
    expect((await app.call('/api/v1/teams')).status).toBe(401);
  });

  it('POST /teams needs a session and its CSRF token', async () => {
    const person = await app.signUpAndIn('Creator');
    expect((await app.call('/api/v1/teams', { body: { name: 'X' } })).status).toBe(401);
    const noCsrf = await app.as(person, '/api/v1/teams', { body: { name: 'X' }, csrf: false });
    expect(noCsrf.status).toBe(403);
    expect((await app.as(person, '/api/v1/teams')).body).toEqual({ teams: [] });
  });

  it('another team’s members, invitations and team answer 404, even to an Owner', async () => {
    const a = await world();
    const otherOwner = await app.signUpAndIn('Other Owner');
    const otherTeam = await createTeam(app, otherOwner, 'Other team');
    const cases = [
      app.as(otherOwner, `/api/v1/teams/${a.teamId}`),
      app.as(otherOwner, `/api/v1/teams/${a.teamId}/invitations/${a.invitationId}`, { method: 'DELETE' }),
      app.as(otherOwner, `/api/v1/teams/${otherTeam}/invitations/${a.invitationId}`, { method: 'DELETE' }),
      app.as(otherOwner, `/api/v1/teams/${otherTeam}/invitations/${a.invitationId}/resend`, { method: 'POST' }),
      app.as(otherOwner, `/api/v1/teams/${otherTeam}/members/${a.member.userId}`, {
        method: 'PATCH',
        body: { role: 'admin' },
      }),
      app.as(otherOwner, `/api/v1/teams/${otherTeam}/members/${a.member.userId}`, { method: 'DELETE' }),
      app.as(otherOwner, `/api/v1/teams/${otherTeam}/transfer-ownership`, { body: { userId: a.member.userId } }),
      app.as(a.owner, `/api/v1/teams/not-a-team-id`),
    ];
    for (const answer of await Promise.all(cases)) {
      expect(answer.status).toBe(404);
      expect(String(answer.body.code)).toMatch(/^TEAM\.(NOT_FOUND|MEMBER_NOT_FOUND|INVITATION_NOT_FOUND)$/);
    }
    const overview = await app.as(a.owner, `/api/v1/teams/${a.teamId}`);
    expect(overview.body.pendingInvitations).toEqual([expect.objectContaining({ invitationId: a.invitationId })]);
  });

  it('accepting needs a session, and the invited email', async () => {
    const w = await world();
    expect((await app.call('/api/v1/invitations/accept', { body: { token: w.token } })).status).toBe(401);
    for (const actor of ['owner', 'admin', 'member', 'stranger'] as const) {
      const answer = await app.as(w[actor], '/api/v1/invitations/accept', { body: { token: w.token } });
      expect({ actor, code: answer.body.code }).toEqual({ actor, code: 'TEAM.INVITATION_FOR_OTHER_EMAIL' });
    }
    const noCsrf = await app.as(w.stranger, '/api/v1/invitations/accept', { body: { token: w.token }, csrf: false });
    expect(noCsrf.status).toBe(403);
  });
});
