import { newestMailTo, teamOfThree, tokenOf } from './team-world';
import { eventually, TeamsTestApp, uniqueEmail } from './teams-test-app';

type World = Awaited<ReturnType<typeof teamOfThree>>;

describe('teams: bad input and invitations that can no longer be used', () => {
  let app: TeamsTestApp;
  let w: World;

  beforeAll(async () => {
    app = await TeamsTestApp.start();
    w = await teamOfThree(app);
  });

  afterAll(async () => {
    await app.stop();
  });

  const long = (n: number): string => 'x'.repeat(n);

  /** Each body endpoint with bodies it must refuse, and the field each refusal must name. */
  const cases = (): [string, 'POST' | 'PATCH', string, unknown, string][] => [
    ['create', 'POST', '/api/v1/teams', '{"name": "broken', 'body'],
    ['create', 'POST', '/api/v1/teams', [], 'body'],
    ['create', 'POST', '/api/v1/teams', {}, 'name'],
    ['create', 'POST', '/api/v1/teams', { name: '   ' }, 'name'],
    ['create', 'POST', '/api/v1/teams', { name: 42 }, 'name'],
    ['create', 'POST', '/api/v1/teams', { name: long(101) }, 'name'],
    ['create', 'POST', '/api/v1/teams', { name: 'A', description: long(501) }, 'description'],
    ['create', 'POST', '/api/v1/teams', { name: 'A', owner: 'me' }, 'owner'],
    ['update', 'PATCH', `/api/v1/teams/${w.teamId}`, { name: '' }, 'name'],
    ['update', 'PATCH', `/api/v1/teams/${w.teamId}`, { description: ['x'] }, 'description'],
    ['update', 'PATCH', `/api/v1/teams/${w.teamId}`, { memberCount: 3 }, 'memberCount'],
    ['update', 'PATCH', `/api/v1/teams/${w.teamId}`, '{bad json', 'body'],
    ['invite', 'POST', `/api/v1/teams/${w.teamId}/invitations`, { email: 'not-an-email', role: 'member' }, 'email'],
    ['invite', 'POST', `/api/v1/teams/${w.teamId}/invitations`, { email: 'a@b.test', role: 'boss' }, 'role'],
    ['invite', 'POST', `/api/v1/teams/${w.teamId}/invitations`, { role: 'member' }, 'email'],
    [
      'invite',
      'POST',
      `/api/v1/teams/${w.teamId}/invitations`,
      { email: 'a@b.test', role: 'member', message: long(501) },
      'message',
    ],
    [
      'invite',
      'POST',
      `/api/v1/teams/${w.teamId}/invitations`,
      { email: 'a@b.test', role: 'member', message: 5 },
      'message',
    ],
    [
      'invite',
      'POST',
      `/api/v1/teams/${w.teamId}/invitations`,
      { email: 'a@b.test', role: 'member', token: 'x' },
      'token',
    ],
    ['change role', 'PATCH', `/api/v1/teams/${w.teamId}/members/${w.member.userId}`, { role: 'god' }, 'role'],
    ['change role', 'PATCH', `/api/v1/teams/${w.teamId}/members/${w.member.userId}`, { role: 'admin', x: 1 }, 'x'],
    ['transfer', 'POST', `/api/v1/teams/${w.teamId}/transfer-ownership`, { userId: 'nobody' }, 'userId'],
    ['transfer', 'POST', `/api/v1/teams/${w.teamId}/transfer-ownership`, {}, 'userId'],
    ['accept', 'POST', '/api/v1/invitations/accept', { token: 'short' }, 'token'],
    ['accept', 'POST', '/api/v1/invitations/accept', { token: 7 }, 'token'],
    ['accept', 'POST', '/api/v1/invitations/accept', { token: 'A'.repeat(43), extra: true }, 'extra'],
  ];

  it('answers 400 problem+json naming the field, for every body endpoint, and changes nothing', async () => {
    const before = (await app.as(w.owner, `/api/v1/teams/${w.teamId}`)).text;
    for (const [name, method, url, body, field] of cases()) {
      const answer = await app.as(w.owner, url, { method, body: typeof body === 'string' ? body : body });
      expect({ name, body, status: answer.status }).toEqual({ name, body, status: 400 });
      expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      const fields = ((answer.body.errors ?? []) as { field: string }[]).map((error) => error.field);
      if (answer.body.code === 'REQUEST.MALFORMED_BODY') expect(field).toBe('body');
      else expect(fields).toContain(field);
    }
    expect((await app.as(w.owner, `/api/v1/teams/${w.teamId}`)).text).toEqual(before);
    expect((await app.as(w.owner, '/api/v1/teams')).body.teams).toHaveLength(1);
  });

  it('answers 404 for an unknown or malformed invitation token, without saying more', async () => {
    for (const token of ['A'.repeat(43), 'nope', '..%2F..']) {
      const answer = await app.call(`/api/v1/invitations/${token}`);
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ code: 'TEAM.INVITATION_NOT_FOUND' });
    }
    const accept = await app.as(w.stranger, '/api/v1/invitations/accept', { body: { token: 'A'.repeat(43) } });
    expect(accept.body).toMatchObject({ status: 404, code: 'TEAM.INVITATION_NOT_FOUND' });
  });

  async function invitation(role = 'member') {
    const email = uniqueEmail('late');
    const invited = await app.as(w.owner, `/api/v1/teams/${w.teamId}/invitations`, { body: { email, role } });
    const token = tokenOf((await newestMailTo(app, email)).text);
    await eventually(async () => ((await app.call(`/api/v1/invitations/${token}`)).status === 200 ? true : undefined));
    const invitee = await app.signUpAndIn('Late Invitee', email);
    return { invitationId: String(invited.body.invitationId), token, invitee };
  }

  const memberIds = async (): Promise<string[]> =>
    ((await app.as(w.owner, `/api/v1/teams/${w.teamId}`)).body.members as { userId: string }[]).map((m) => m.userId);

  it('a revoked invitation answers 410 TEAM.INVITATION_REVOKED and adds nobody', async () => {
    const { invitationId, token, invitee } = await invitation();
    const revoked = await app.as(w.admin, `/api/v1/teams/${w.teamId}/invitations/${invitationId}`, {
      method: 'DELETE',
    });
    expect(revoked.status).toBe(204);
    const accept = await app.as(invitee, '/api/v1/invitations/accept', { body: { token } });
    expect(accept.status).toBe(410);
    expect(accept.body).toMatchObject({ code: 'TEAM.INVITATION_REVOKED' });
    const again = await app.as(w.owner, `/api/v1/teams/${w.teamId}/invitations/${invitationId}`, { method: 'DELETE' });
    expect(again.status).toBe(410);
    expect(await memberIds()).not.toContain(invitee.userId);
  });

  it('an expired invitation answers 410 TEAM.INVITATION_EXPIRED and adds nobody; re-sending renews it', async () => {
    const { invitationId, token, invitee } = await invitation();
    app.advanceClock(7 * 86_400_000 + 1_000);
    try {
      const view = await app.call(`/api/v1/invitations/${token}`);
      expect(view.status).toBe(410);
      expect(view.body).toMatchObject({ code: 'TEAM.INVITATION_EXPIRED' });
      const accept = await app.as(invitee, '/api/v1/invitations/accept', { body: { token } });
      expect(accept.status).toBe(410);
      expect(accept.body).toMatchObject({ code: 'TEAM.INVITATION_EXPIRED' });
      expect(await memberIds()).not.toContain(invitee.userId);
      const resent = await app.as(w.owner, `/api/v1/teams/${w.teamId}/invitations/${invitationId}/resend`, {
        method: 'POST',
      });
      expect(resent.status).toBe(200);
      const fresh = tokenOf((await newestMailTo(app, invitee.email, 1)).text);
      const accepted = await eventually(async () => {
        const answer = await app.as(invitee, '/api/v1/invitations/accept', { body: { token: fresh } });
        return answer.status === 200 ? answer : undefined;
      });
      expect(accepted.body).toMatchObject({ role: 'member' });
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('a used invitation answers 410 TEAM.INVITATION_USED, and the last Owner cannot be demoted (409)', async () => {
    const { token, invitee } = await invitation();
    expect((await app.as(invitee, '/api/v1/invitations/accept', { body: { token } })).status).toBe(200);
    const again = await app.as(invitee, '/api/v1/invitations/accept', { body: { token } });
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({ code: 'TEAM.INVITATION_USED' });
    const demote = await app.as(w.owner, `/api/v1/teams/${w.teamId}/members/${w.owner.userId}`, {
      method: 'PATCH',
      body: { role: 'admin' },
    });
    expect(demote.status).toBe(409);
    expect(demote.body).toMatchObject({ code: 'TEAM.LAST_OWNER' });
  });
});
