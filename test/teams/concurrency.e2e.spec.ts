import { join, teamOfThree } from './team-world';
import { eventually, TeamsTestApp } from './teams-test-app';

describe('teams: concurrent conflicting role changes', () => {
  let app: TeamsTestApp;

  beforeAll(async () => {
    app = await TeamsTestApp.start();
  });

  afterAll(async () => {
    await app.stop();
  });

  const rolesOf = async (teamId: string, owner: { session: unknown } & Parameters<TeamsTestApp['as']>[0]) =>
    Object.fromEntries(
      ((await app.as(owner, `/api/v1/teams/${teamId}`)).body.members as { userId: string; role: string }[]).map((m) => [
        m.userId,
        m.role,
      ]),
    );

  it('two Admins demoting each other at once: exactly one wins, as if one after the other', async () => {
    for (let round = 0; round < 3; round += 1) {
      const w = await teamOfThree(app);
      const other = w.member;
      await app.as(w.owner, `/api/v1/teams/${w.teamId}/members/${other.userId}`, {
        method: 'PATCH',
        body: { role: 'admin' },
      });
      const [first, second] = await Promise.all([
        app.as(w.admin, `/api/v1/teams/${w.teamId}/members/${other.userId}`, {
          method: 'PATCH',
          body: { role: 'member' },
        }),
        app.as(other, `/api/v1/teams/${w.teamId}/members/${w.admin.userId}`, {
          method: 'PATCH',
          body: { role: 'member' },
        }),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 403]);
      const winner = first.status === 200 ? w.admin : other;
      const loser = first.status === 200 ? other : w.admin;
      const roles = await eventually(async () => {
        const now = await rolesOf(w.teamId, w.owner);
        return now[loser.userId] === 'member' ? now : undefined;
      });
      expect(roles).toEqual({ [w.owner.userId]: 'owner', [winner.userId]: 'admin', [loser.userId]: 'member' });
    }
  });

  it('two Owners demoting each other at once: the team keeps an Owner', async () => {
    for (let round = 0; round < 3; round += 1) {
      const w = await teamOfThree(app);
      const second = await join(app, w.teamId, w.owner, 'owner', 'Second Owner');
      const answers = await Promise.all([
        app.as(w.owner, `/api/v1/teams/${w.teamId}/members/${second.userId}`, {
          method: 'PATCH',
          body: { role: 'admin' },
        }),
        app.as(second, `/api/v1/teams/${w.teamId}/members/${w.owner.userId}`, {
          method: 'PATCH',
          body: { role: 'admin' },
        }),
      ]);
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.sort()).toEqual([200, 403]);
      const roles = await eventually(async () => {
        const now = await rolesOf(w.teamId, w.admin);
        return Object.values(now).filter((role) => role === 'owner').length === 1 ? now : undefined;
      });
      expect(Object.values(roles).filter((role) => role === 'owner')).toHaveLength(1);
      expect([roles[w.owner.userId], roles[second.userId]].sort()).toEqual(['admin', 'owner']);
    }
  });
});
