import type { Invitation, TeamRole } from '@portal/teams-domain';

/** What invite and re-send answer about an invitation (never its token or hash). */
export interface InvitationAnswer {
  readonly invitationId: string;
  readonly email: string;
  readonly role: TeamRole;
  readonly expiresAt: string;
}

export const invitationAnswer = ({ invitationId, email, role, expiresAt }: Invitation): InvitationAnswer => ({
  invitationId,
  email,
  role,
  expiresAt,
});
