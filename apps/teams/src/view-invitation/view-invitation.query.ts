import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { DomainError } from '@portal/event-sourcing';
import { READ_MODEL_STORE, type ReadModelStore } from '@portal/read-models';
import { TEAM_ROLES, TeamErrorCode, type TeamRole } from '@portal/teams-domain';
import { InvitationLookup } from '../invitations/invitation-lookup';
import { TeamsClock } from '../shared/teams-clock';
import { memberDocId, teamMembersReadModel, teamsReadModel } from '../team-overview/team-overview.read-models';

/** What the invitee sees before accepting: which team, which role, from whom, until when. */
export class InvitationView {
  @ApiProperty({ type: String, example: 'Payments' })
  readonly teamName!: string;

  @ApiProperty({ type: String, enum: TEAM_ROLES, example: 'admin' })
  readonly role!: TeamRole;

  @ApiProperty({ type: String, format: 'email', example: 'grace@example.com' })
  readonly email!: string;

  /** The inviter's email, or null when they have left the team since. */
  @ApiProperty({
    type: String,
    format: 'email',
    nullable: true,
    description: 'null when the inviter has left the team',
  })
  readonly invitedBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time', example: '2025-01-31T12:00:00.000Z' })
  readonly expiresAt!: string;
}

/**
 * The invitation behind a link's token. Unknown tokens answer 404 INVITATION_NOT_FOUND; a
 * link that was good once answers 410 with why (USED, REVOKED, EXPIRED), so the invitee
 * knows to ask for a new one. Only the token's holder learns this.
 */
@Injectable()
export class ViewInvitationQuery {
  constructor(
    private readonly lookup: InvitationLookup,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    private readonly clock: TeamsClock,
  ) {}

  async of(token: string): Promise<InvitationView> {
    const invitation = await this.lookup.byToken(token);
    if (invitation.status === 'accepted') {
      throw new DomainError(TeamErrorCode.INVITATION_USED, 'This invitation has already been accepted');
    }
    if (invitation.status === 'revoked') {
      throw new DomainError(TeamErrorCode.INVITATION_REVOKED, 'This invitation has been revoked or replaced');
    }
    if (Date.parse(invitation.expiresAt) <= this.clock.now().getTime()) {
      throw new DomainError(TeamErrorCode.INVITATION_EXPIRED, 'This invitation has expired: ask for a new one');
    }
    const team = await (await this.store.collection(teamsReadModel)).get(invitation.teamId);
    if (team === null) throw new DomainError(TeamErrorCode.INVITATION_NOT_FOUND, 'No such invitation');
    const members = await this.store.collection(teamMembersReadModel);
    const inviter = await members.get(memberDocId(invitation.teamId, invitation.invitedBy));
    const { role, email, expiresAt } = invitation;
    return { teamName: team.name, role, email, invitedBy: inviter?.email ?? null, expiresAt };
  }
}
