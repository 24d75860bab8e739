import { userActivityReadModel } from '@portal/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@portal/event-sourcing';
import { READ_MODEL_STORE, type ReadModelStore } from '@portal/read-models';
import { TeamErrorCode, type TeamRole } from '@portal/teams-domain';
import { TeamsClock } from '../shared/teams-clock';
import { TeamMembership } from '../shared/team-membership';
import { teamInvitationsReadModel, teamMembersReadModel, teamsReadModel } from './team-overview.read-models';

/** Members not seen for this many days are flagged `inactive`. */
export const INACTIVE_AFTER_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface OverviewMember {
  readonly userId: string;
  readonly email: string;
  readonly role: TeamRole;
  readonly joinedAt: string;
  /** The last authenticated request (recorded at most once a minute), null if never seen. */
  readonly lastActiveAt: string | null;
  /** Last active more than INACTIVE_AFTER_DAYS days ago. */
  readonly inactive: boolean;
}

export interface OverviewInvitation {
  readonly invitationId: string;
  readonly email: string;
  readonly role: TeamRole;
  readonly invitedBy: string;
  readonly invitedAt: string;
  readonly expiresAt: string;
  readonly expired: boolean;
}

export interface TeamOverview {
  readonly teamId: string;
  readonly name: string;
  readonly description: string;
  readonly createdAt: string;
  readonly yourRole: TeamRole;
  readonly inactiveAfterDays: number;
  readonly members: OverviewMember[];
  readonly pendingInvitations: OverviewInvitation[];
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
