import { newestMailTo, overviewOnceMember, tokenOf } from './team-world';
import { eventually, TeamsTestApp, uniqueEmail } from './teams-test-app';

/** Any string (typed for the linter: jest's matchers are `any`). */
const anyString: unknown = expect.any(String);

describe('teams: create a team, invite by email, accept', () => {
  let app: TeamsTestApp;

  beforeAll(async () => {
    app = await TeamsTestApp.start();
  });

  afterAll(async () => {
    await app.stop();
  });

  it('the invitee follows the emailed link, signs up, signs in, accepts and appears with the granted role', async () => {
    const owner = await app.signUpAndIn('Olivia Owner');
    const created = await app.as(owner, '/api/v1/teams', {
      body: { name: '  Acme Payments  ', description: 'Card acquiring' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      teamId: anyString,
      name: 'Acme Payments',
      description: 'Card acquiring',
      yourRole: 'owner',
    });
    const teamId = String(created.body.teamId);

    const inviteeEmail = uniqueEmail('invitee');
    const message = 'Welcome aboard! <b>not bold</b> <script>alert(1)</script>';
    const invited = await app.as(owner, `/api/v1/teams/${teamId}/invitations`, {
      body: { email: inviteeEmail, role: 'admin', message },
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toEqual({
      invitationId: anyString,
      email: inviteeEmail,
      role: 'admin',
      expiresAt: anyString,
    });
    expect(invited.text).not.toMatch(/token/i);
    const days = (Date.parse(String(invited.body.expiresAt)) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const mail = await newestMailTo(app, inviteeEmail);
    expect(mail.subject).toBe('Join Acme Payments on the Cr3dentials Partner Portal');
    expect(mail.text).toContain('Olivia Owner invited you to join the team "Acme Payments"');
    expect(mail.text).toContain(`> ${message}`);
    expect(mail).not.toHaveProperty('html');
    expect(mail.text).toContain('http://127.0.0.1:3000/invitations/accept?token=');
    const token = tokenOf(mail.text);

    const viewed = await eventually(async () => {
      const answer = await app.call(`/api/v1/invitations/${token}`);
      return answer.status === 200 ? answer : undefined;
    });
    expect(viewed.body).toEqual({
      teamName: 'Acme Payments',
      role: 'admin',
      email: inviteeEmail,
      invitedBy: owner.email,
      expiresAt: invited.body.expiresAt,
    });

    const unauthenticated = await app.call('/api/v1/invitations/accept', { body: { token } });
    expect(unauthenticated.status).toBe(401);

    const invitee = await app.signUpAndIn('Ivy Invitee', inviteeEmail);
    const accepted = await app.as(invitee, '/api/v1/invitations/accept', { body: { token } });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ teamId, teamName: 'Acme Payments', role: 'admin' });

    const overview = await overviewOnceMember(app, invitee, teamId);
    expect(overview.body).toMatchObject({ teamId, name: 'Acme Payments', yourRole: 'admin', inactiveAfterDays: 30 });
    expect(overview.body.members).toEqual([
      expect.objectContaining({ userId: owner.userId, email: owner.email, role: 'owner', inactive: false }),
      {
        userId: invitee.userId,
        email: inviteeEmail,
        role: 'admin',
        joinedAt: anyString,
        // Signing in counts as activity.
        lastActiveAt: anyString,
        inactive: false,
      },
    ]);
    const pending = await eventually(async () => {
      const answer = await app.as(owner, `/api/v1/teams/${teamId}`);
      return (answer.body.pendingInvitations as unknown[]).length === 0 ? answer : undefined;
    });
    expect(pending.body.pendingInvitations).toEqual([]);

    const again = await app.as(invitee, '/api/v1/invitations/accept', { body: { token } });
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({ code: 'TEAM.INVITATION_USED' });
  });

  it('lists every team a person belongs to, with their role in each', async () => {
    const person = await app.signUpAndIn('Multi Team');
    const first = await app.as(person, '/api/v1/teams', { body: { name: 'Beta' } });
    const second = await app.as(person, '/api/v1/teams', { body: { name: 'Alpha', description: '' } });
    expect([first.status, second.status]).toEqual([201, 201]);
    const listed = await eventually(async () => {
      const answer = await app.as(person, '/api/v1/teams');
      return (answer.body.teams as unknown[]).length === 2 ? answer : undefined;
    });
    expect(listed.body.teams).toEqual([
      expect.objectContaining({ teamId: second.body.teamId, name: 'Alpha', yourRole: 'owner', memberCount: 1 }),
      expect.objectContaining({ teamId: first.body.teamId, name: 'Beta', yourRole: 'owner', memberCount: 1 }),
    ]);
  });

  it('re-sending gives a new link and the old one stops working; a newer invitation replaces the pending one', async () => {
    const owner = await app.signUpAndIn('Resend Owner');
    const created = await app.as(owner, '/api/v1/teams', { body: { name: 'Resenders' } });
    const teamId = String(created.body.teamId);
    const email = uniqueEmail('resent');
    const invited = await app.as(owner, `/api/v1/teams/${teamId}/invitations`, { body: { email, role: 'member' } });
    const firstToken = tokenOf((await newestMailTo(app, email)).text);
    const resent = await app.as(
      owner,
      `/api/v1/teams/${teamId}/invitations/${String(invited.body.invitationId)}/resend`,
      {
        method: 'POST',
      },
    );
    expect(resent.status).toBe(200);
    const secondToken = tokenOf((await newestMailTo(app, email, 1)).text);
    expect(secondToken).not.toBe(firstToken);

    const invitee = await app.signUpAndIn('Resent Invitee', email);
    await eventually(async () =>
      (await app.call(`/api/v1/invitations/${firstToken}`)).status === 404 ? true : undefined,
    );
    const old = await app.as(invitee, '/api/v1/invitations/accept', { body: { token: firstToken } });
    expect(old.status).toBe(404);
    expect(old.body).toMatchObject({ code: 'TEAM.INVITATION_NOT_FOUND' });

    const replacing = await app.as(owner, `/api/v1/teams/${teamId}/invitations`, { body: { email, role: 'admin' } });
    expect(replacing.status).toBe(201);
    const thirdToken = tokenOf((await newestMailTo(app, email, 2)).text);
    const replaced = await eventually(async () => {
      const answer = await app.as(invitee, '/api/v1/invitations/accept', { body: { token: secondToken } });
      return answer.status === 410 ? answer : undefined;
    });
    expect(replaced.body).toMatchObject({ code: 'TEAM.INVITATION_REVOKED' });
    const accepted = await eventually(async () => {
      const answer = await app.as(invitee, '/api/v1/invitations/accept', { body: { token: thirdToken } });
      return answer.status === 200 ? answer : undefined;
    });
    expect(accepted.body).toMatchObject({ role: 'admin' });
  });

  it('refuses an invitation accepted by an account with another email, and changes nothing', async () => {
    const owner = await app.signUpAndIn('Email Owner');
    const created = await app.as(owner, '/api/v1/teams', { body: { name: 'Email checks' } });
    const teamId = String(created.body.teamId);
    const email = uniqueEmail('intended');
    await app.as(owner, `/api/v1/teams/${teamId}/invitations`, { body: { email, role: 'member' } });
    const token = tokenOf((await newestMailTo(app, email)).text);
    const other = await app.signUpAndIn('Wrong Person');
    const answer = await eventually(async () => {
      const attempt = await app.as(other, '/api/v1/invitations/accept', { body: { token } });
      return attempt.status === 404 ? undefined : attempt;
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: 'TEAM.INVITATION_FOR_OTHER_EMAIL' });
    expect((await app.as(other, `/api/v1/teams/${teamId}`)).status).toBe(404);
  });
});
