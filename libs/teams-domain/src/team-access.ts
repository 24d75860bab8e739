import { isManager, type TeamRole } from './team-role';
import { TeamErrorCode, teamError } from './team.errors';
import type { ActiveTeam, Member, TeamState } from './team.state';
import { ownerCount } from './team.state';

/** The team, if the actor belongs to it; otherwise TEAM.NOT_FOUND, as if it did not exist. */
export function teamOfMember(state: TeamState, actorId: string): { team: ActiveTeam; actor: Member } {
  const actor = state.status === 'active' ? state.members.get(actorId) : undefined;
  if (state.status !== 'active' || !actor) throw teamError(TeamErrorCode.NOT_FOUND, 'Team not found');
  return { team: state, actor };
}

/** Owners and Admins manage members, invitations and keys. */
export function requireManager(actor: Member): void {
  if (!isManager(actor.role)) {
    throw teamError(TeamErrorCode.FORBIDDEN, 'Only Owners and Admins can do this', { role: actor.role });
  }
}

/**
 * Whether `actor` may give `target` (absent for an invitee) the role `role`: managers only;
 * only an Owner grants Owner, and only an Owner changes an Owner.
 */
export function requireMayAssign(actor: Member, role: TeamRole, target?: Member): void {
  requireManager(actor);
  if (actor.role !== 'owner' && (role === 'owner' || target?.role === 'owner')) {
    throw teamError(TeamErrorCode.FORBIDDEN, 'Only an Owner can grant, change or remove the Owner role', {
      role: actor.role,
    });
  }
}

export function memberOf(team: ActiveTeam, userId: string): Member {
  const member = team.members.get(userId);
  if (!member) throw teamError(TeamErrorCode.MEMBER_NOT_FOUND, 'No such member in this team', { userId });
  return member;
}

/** A team always keeps at least one Owner: refuses a change that would take away the last. */
export function requireAnotherOwner(team: ActiveTeam, leaving: Member): void {
  if (leaving.role === 'owner' && ownerCount(team) <= 1) {
    throw teamError(TeamErrorCode.LAST_OWNER, 'A team keeps at least one Owner: make someone else Owner first');
  }
}
