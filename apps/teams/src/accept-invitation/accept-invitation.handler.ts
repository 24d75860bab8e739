import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { EventMetadata } from '@portal/event-sourcing';
import type { AuthenticatedUser } from '@portal/platform';
import { TEAM_ROLES, type TeamRole } from '@portal/teams-domain';
import { InvitationLookup } from '../invitations/invitation-lookup';
import { invitationTokenHash } from '../invitations/invitation-token';
import { TeamCommands } from '../shared/team-commands';

export class AcceptedInvitation {
  @ApiProperty({ type: String, format: 'uuid', example: '0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d' })
  readonly teamId!: string;

  @ApiProperty({ type: String, example: 'Payments' })
  readonly teamName!: string;

  @ApiProperty({ type: String, enum: TEAM_ROLES, example: 'admin' })
  readonly role!: TeamRole;
}

/**
 * Accepts an invitation for the signed-in person: the token's hash finds the team (read
 * model), then the team's stream decides: the hash must be the invitation's newest, the
 * invitation open and unexpired, and the person's email the invited one.
 */
@Injectable()
export class AcceptInvitationHandler {
  constructor(
    private readonly lookup: InvitationLookup,
    private readonly teams: TeamCommands,
  ) {}

  async handle(
    token: string,
    user: AuthenticatedUser,
    metadataFor: (teamId: string) => EventMetadata,
  ): Promise<AcceptedInvitation> {
    const { teamId, invitationId } = await this.lookup.byToken(token);
    const command = {
      type: 'AcceptInvitation' as const,
      actorId: user.userId,
      actorEmail: user.email,
      invitationId,
      tokenHash: invitationTokenHash(token),
    };
    const team = await this.teams.run(teamId, command, metadataFor(teamId));
    const role = team.members.get(user.userId)?.role;
    if (role === undefined) throw new Error(`user ${user.userId} is not in team ${teamId} after accepting`);
    return { teamId, teamName: team.name, role };
  }
}
