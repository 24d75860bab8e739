import { Inject, Injectable } from '@nestjs/common';
import type { ServiceConfig } from '@portal/config';
import type { EventMetadata } from '@portal/event-sourcing';
import { type AuthenticatedUser, SERVICE_CONFIG } from '@portal/platform';
import { type InvitationAnswer, invitationAnswer } from '../invitations/invitation-answer';
import { InvitationSender } from '../invitations/invitation-sender';
import { invitationExpiry, newInvitationToken } from '../invitations/invitation-token';
import { TeamCommands } from '../shared/team-commands';
import { TeamsClock } from '../shared/teams-clock';

/**
 * Re-sends a pending invitation with a new token and a new expiry: the previous link stops
 * working. The personal message is not repeated (only its first email carried it).
 */
@Injectable()
export class ResendInvitationHandler {
  constructor(
    private readonly teams: TeamCommands,
    private readonly sender: InvitationSender,
    private readonly clock: TeamsClock,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async handle(
    teamId: string,
    invitationId: string,
    user: AuthenticatedUser,
    metadata: EventMetadata,
  ): Promise<InvitationAnswer> {
    const { token, tokenHash } = newInvitationToken();
    const expiresAt = invitationExpiry(this.clock.now(), this.config.INVITATION_TTL_DAYS);
    const command = { type: 'ResendInvitation' as const, actorId: user.userId, invitationId, tokenHash, expiresAt };
    const team = await this.teams.run(teamId, command, metadata);
    const invitation = team.invitations.get(invitationId);
    if (invitation === undefined) throw new Error(`invitation ${invitationId} missing after InvitationResent`);
    await this.sender.send(team, invitation, user, token, '');
    return invitationAnswer(invitation);
  }
}
