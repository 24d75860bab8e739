import { requireAnotherOwner, requireManager, requireMayAssign, memberOf, teamOfMember } from './team-access';
import type { ChangeMemberRole, LeaveTeam, RemoveMember, TransferOwnership, UpdateTeam } from './team.commands';
import { TeamErrorCode, teamError } from './team.errors';
import type { TeamEvent } from './team.events';
import type { TeamState } from './team.state';

export function decideUpdateTeam(command: UpdateTeam, state: TeamState): TeamEvent[] {
  const { team, actor } = teamOfMember(state, command.actorId);
  requireManager(actor);
  const name = command.name ?? team.name;
  const description = command.description ?? team.description;
  if (name === team.name && description === team.description) return [];
  return [{ type: 'TeamUpdated', data: { teamId: team.teamId, name, description, updatedBy: actor.userId } }];
}

export function decideChangeMemberRole(command: ChangeMemberRole, state: TeamState): TeamEvent[] {
  const { team, actor } = teamOfMember(state, command.actorId);
  const target = memberOf(team, command.userId);
  requireMayAssign(actor, command.role, target);
  if (target.role === command.role) return [];
  if (command.role !== 'owner') requireAnotherOwner(team, target);
  const data = {
    teamId: team.teamId,
    userId: target.userId,
    from: target.role,
    to: command.role,
    changedBy: actor.userId,
  };
  return [{ type: 'MemberRoleChanged', data }];
}

export function decideRemoveMember(command: RemoveMember, state: TeamState): TeamEvent[] {
  const { team, actor } = teamOfMember(state, command.actorId);
  if (command.userId === actor.userId) {
    throw teamError(TeamErrorCode.USE_LEAVE, 'To remove yourself, leave the team');
  }
  const target = memberOf(team, command.userId);
  requireMayAssign(actor, target.role, target);
  requireAnotherOwner(team, target);
  return [
    {
      type: 'MemberRemoved',
      data: { teamId: team.teamId, userId: target.userId, role: target.role, removedBy: actor.userId },
    },
  ];
}

export function decideLeaveTeam(command: LeaveTeam, state: TeamState): TeamEvent[] {
  const { team, actor } = teamOfMember(state, command.actorId);
  requireAnotherOwner(team, actor);
  return [{ type: 'MemberLeft', data: { teamId: team.teamId, userId: actor.userId, role: actor.role } }];
}

export function decideTransferOwnership(command: TransferOwnership, state: TeamState): TeamEvent[] {
  const { team, actor } = teamOfMember(state, command.actorId);
  if (actor.role !== 'owner') {
    throw teamError(TeamErrorCode.FORBIDDEN, 'Only an Owner can transfer ownership', { role: actor.role });
  }
  const target = memberOf(team, command.userId);
  if (target.userId === actor.userId || target.role === 'owner') return [];
  return [
    {
      type: 'OwnershipTransferred',
      data: { teamId: team.teamId, from: actor.userId, to: target.userId, previousRole: target.role },
    },
  ];
}
