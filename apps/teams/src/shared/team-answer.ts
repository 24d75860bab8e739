import type { ActiveTeam, TeamRole } from '@portal/teams-domain';

/** A team as create and update answer it, with the caller's role. */
export interface TeamAnswer {
  readonly teamId: string;
  readonly name: string;
  readonly description: string;
  readonly yourRole: TeamRole | null;
}

export const teamAnswer = (team: ActiveTeam, userId: string): TeamAnswer => ({
  teamId: team.teamId,
  name: team.name,
  description: team.description,
  yourRole: team.members.get(userId)?.role ?? null,
});
