import type { TeamRole } from '@portal/teams-domain';
import { defineReadModel } from '@portal/read-models';

/** A team as its members see it listed. Id: the team id. */
export interface TeamDoc {
  readonly teamId: string;
  readonly name: string;
  readonly description: string;
  readonly createdAt: string;
  readonly memberCount: number;
}

/** One member of one team. Id: `<teamId>:<userId>`. */
export interface TeamMemberDoc {
  readonly teamId: string;
  readonly userId: string;
  readonly email: string;
  readonly role: TeamRole;
  readonly joinedAt: string;
}

export type InvitationStatusDoc = 'pending' | 'accepted' | 'revoked';

/** An invitation, pending or done. Id: the invitation id. */
export interface TeamInvitationDoc {
  readonly teamId: string;
  readonly invitationId: string;
  readonly email: string;
  readonly role: TeamRole;
  readonly invitedBy: string;
  readonly invitedAt: string;
  readonly expiresAt: string;
  readonly status: InvitationStatusDoc;
  /** Finds the invitation a link's token belongs to; the token itself is never stored. */
  readonly tokenHash: string;
}

export const teamsReadModel = defineReadModel<TeamDoc>({ name: 'teams', indexes: [] });

export const teamMembersReadModel = defineReadModel<TeamMemberDoc>({
  name: 'team_members',
  indexes: [{ fields: { teamId: 1, joinedAt: 1 } }, { fields: { userId: 1 } }],
});

export const teamInvitationsReadModel = defineReadModel<TeamInvitationDoc>({
  name: 'team_invitations',
  indexes: [{ fields: { teamId: 1, status: 1 } }, { fields: { tokenHash: 1 } }],
});

export const memberDocId = (teamId: string, userId: string): string => `${teamId}:${userId}`;
