import { Inject, Injectable } from '@nestjs/common';
import type { ServiceConfig } from '@portal/config';
import { type EventMetadata, uuidv7 } from '@portal/event-sourcing';
import { type AuthenticatedUser, SERVICE_CONFIG } from '@portal/platform';
import type { TeamRole } from '@portal/teams-domain';
import { type InvitationAnswer, invitationAnswer } from '../invitations/invitation-answer';
import { InvitationSender } from '../invitations/invitation-sender';
import { invitationExpiry, newInvitationToken } from '../invitations/invitation-token';
import { TeamCommands } from '../shared/team-commands';
import { TeamsClock } from '../shared/teams-clock';

export interface InviteMember {
  readonly teamId: string;
  readonly email: string;
  readonly role: TeamRole;
  readonly message: string;
}

/**
 * Invites a person: records MemberInvited (replacing a pending invitation to the same email)
 * with only the token's hash, then emails the link with the token. If the email fails the
 * invitation stays recorded and MAIL.UNAVAILABLE says to re-send it.
 */
@Injectable()
export class InviteMemberHandler {
  constructor(
    private readonly teams: TeamCommands,
    private readonly sender: InvitationSender,
    private readonly clock: TeamsClock,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async handle(invite: InviteMember, user: AuthenticatedUser, metadata: EventMetadata): Promise<InvitationAnswer> {
    const { token, tokenHash } = newInvitationToken();
    const invitationId = uuidv7();
    const command = {
      type: 'InviteMember' as const,
      actorId: user.userId,
      invitationId,
      email: invite.email,
      role: invite.role,
      message: invite.message,
      tokenHash,
      expiresAt: invitationExpiry(this.clock.now(), this.config.INVITATION_TTL_DAYS),
    };
    const team = await this.teams.run(invite.teamId, command, metadata);
    const invitation = team.invitations.get(invitationId);
    if (invitation === undefined) throw new Error(`invitation ${invitationId} missing after MemberInvited`);
    await this.sender.send(team, invitation, user, token, invite.message);
    return invitationAnswer(invitation);
  }
}
