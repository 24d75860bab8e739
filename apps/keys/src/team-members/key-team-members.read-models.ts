import { defineReadModel } from '@portal/read-models';
import type { TeamRole } from '@portal/teams-domain';

/**
 * Who belongs to which team, and with which role, as the keys service knows it from the teams'
 * events: the role decides what a person may do with the team's keys, and the Owners and
 * Admins receive expiry warnings. Id: `<teamId>:<userId>`. A person who left or was removed
 * keeps a document with role null, so that a redelivered older event cannot bring them back.
 */
export interface KeyTeamMemberDoc {
  readonly teamId: string;
  readonly userId: string;
  readonly email: string;
  /** null once the person is no longer a member. */
  readonly role: TeamRole | null;
}

/** A team's name, for the email that warns of a key's expiry. Id: the team id. */
export interface KeyTeamDoc {
  readonly teamId: string;
  readonly name: string;
}

export const keyTeamMembersReadModel = defineReadModel<KeyTeamMemberDoc>({
  name: 'key_team_members',
  indexes: [{ fields: { teamId: 1, role: 1 } }],
});

export const keyTeamsReadModel = defineReadModel<KeyTeamDoc>({ name: 'key_teams' });

export const keyTeamMemberId = (teamId: string, userId: string): string => `${teamId}:${userId}`;
