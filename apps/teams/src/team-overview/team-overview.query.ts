import { userActivityReadModel } from '@portal/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { DomainError } from '@portal/event-sourcing';
import { READ_MODEL_STORE, type ReadModelStore } from '@portal/read-models';
import { TEAM_ROLES, TeamErrorCode, type TeamRole } from '@portal/teams-domain';
import { TeamsClock } from '../shared/teams-clock';
import { TeamMembership } from '../shared/team-membership';
import { teamInvitationsReadModel, teamMembersReadModel, teamsReadModel } from './team-overview.read-models';

/** Members not seen for this many days are flagged `inactive`. */
export const INACTIVE_AFTER_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export class OverviewMember {
  @ApiProperty({ type: String, format: 'uuid', example: '0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d' })
  readonly userId!: string;

  @ApiProperty({ type: String, format: 'email', example: 'grace@example.com' })
  readonly email!: string;

  @ApiProperty({ type: String, enum: TEAM_ROLES, example: 'admin' })
  readonly role!: TeamRole;

  @ApiProperty({ type: String, format: 'date-time', example: '2025-01-31T12:00:00.000Z' })
  readonly joinedAt!: string;

  /** The last authenticated request (recorded at most once a minute), null if never seen. */
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The last authenticated request (recorded at most once a minute); null if never seen',
  })
  readonly lastActiveAt!: string | null;

  /** Last active more than INACTIVE_AFTER_DAYS days ago. */
  @ApiProperty({ type: Boolean, description: 'Not seen for inactiveAfterDays days (since joining if never seen)' })
  readonly inactive!: boolean;
}

export class OverviewInvitation {
  @ApiProperty({ type: String, format: 'uuid', example: '0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d' })
  readonly invitationId!: string;

  @ApiProperty({ type: String, format: 'email', example: 'grace@example.com' })
  readonly email!: string;

  @ApiProperty({ type: String, enum: TEAM_ROLES, example: 'admin' })
  readonly role!: TeamRole;

  @ApiProperty({
    type: String,
    format: 'uuid',
    example: '0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d',
    description: "The inviter's user id",
  })
  readonly invitedBy!: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2025-01-31T12:00:00.000Z' })
  readonly invitedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2025-01-31T12:00:00.000Z' })
  readonly expiresAt!: string;

  @ApiProperty({ type: Boolean, description: 'Past expiresAt: the link no longer works' })
  readonly expired!: boolean;
}

export class TeamOverview {
  @ApiProperty({ type: String, format: 'uuid', example: '0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d' })
  readonly teamId!: string;

  @ApiProperty({ type: String, example: 'Payments' })
  readonly name!: string;

  @ApiProperty({ type: String, example: 'The payments squad' })
  readonly description!: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2025-01-31T12:00:00.000Z' })
  readonly createdAt!: string;

  @ApiProperty({ type: String, enum: TEAM_ROLES, example: 'admin' })
  readonly yourRole!: TeamRole;

  @ApiProperty({ type: Number, format: 'int32', example: 30 })
  readonly inactiveAfterDays!: number;

  @ApiProperty({ type: () => [OverviewMember], description: 'By join date' })
  readonly members!: OverviewMember[];

  @ApiProperty({ type: () => [OverviewInvitation], description: 'By invitation date' })
  readonly pendingInvitations!: OverviewInvitation[];
}

/** Not seen for 30 days: since their last authenticated request, or since joining if never seen. */
export const isInactive = (lastActiveAt: string | null, joinedAt: string, now: Date): boolean =>
  now.getTime() - Date.parse(lastActiveAt ?? joinedAt) > INACTIVE_AFTER_DAYS * DAY_MS;

/** A team as its members see it: members with role and join date, and pending invitations. */
@Injectable()
export class TeamOverviewQuery {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    private readonly membership: TeamMembership,
    private readonly clock: TeamsClock,
  ) {}

  async of(teamId: string, userId: string): Promise<TeamOverview> {
    const you = await this.membership.require(teamId, userId);
    const team = await (await this.store.collection(teamsReadModel)).get(teamId);
    if (team === null) throw new DomainError(TeamErrorCode.NOT_FOUND, 'Team not found');
    const now = this.clock.now();
    const memberDocs = await (
      await this.store.collection(teamMembersReadModel)
    ).find({ teamId }, { sort: { joinedAt: 1 } });
    const activity = await (
      await this.store.collection(userActivityReadModel)
    ).find({ userId: { $in: memberDocs.map((member) => member.userId) } });
    const lastActive = new Map(activity.map((doc) => [doc.userId, doc.lastActiveAt]));
    const invitationDocs = await (
      await this.store.collection(teamInvitationsReadModel)
    ).find({ teamId, status: 'pending' }, { sort: { invitedAt: 1 } });
    return {
      teamId,
      name: team.name,
      description: team.description,
      createdAt: team.createdAt,
      yourRole: you.role,
      inactiveAfterDays: INACTIVE_AFTER_DAYS,
      members: memberDocs.map(({ userId: id, email, role, joinedAt }) => {
        const lastActiveAt = lastActive.get(id) ?? null;
        return { userId: id, email, role, joinedAt, lastActiveAt, inactive: isInactive(lastActiveAt, joinedAt, now) };
      }),
      pendingInvitations: invitationDocs.map(({ invitationId, email, role, invitedBy, invitedAt, expiresAt }) => ({
        invitationId,
        email,
        role,
        invitedBy,
        invitedAt,
        expiresAt,
        expired: Date.parse(expiresAt) <= now.getTime(),
      })),
    };
  }
}
