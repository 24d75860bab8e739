import { assertNever, type Decider, streamCategory } from '@portal/event-sourcing/domain';
import {
  decideAcceptInvitation,
  decideInviteMember,
  decideResendInvitation,
  decideRevokeInvitation,
} from './team-invitations.decide';
import {
  decideChangeMemberRole,
  decideLeaveTeam,
  decideRemoveMember,
  decideTransferOwnership,
  decideUpdateTeam,
} from './team-membership.decide';
import type { CreateTeam, TeamCommand } from './team.commands';
import { TeamErrorCode, teamError } from './team.errors';
import type { TeamEvent } from './team.events';
import { evolveTeam, initialTeamState } from './team.evolve';
import type { TeamState } from './team.state';

function decideCreateTeam(command: CreateTeam, state: TeamState): TeamEvent[] {
  if (state.status !== 'none') throw teamError(TeamErrorCode.ALREADY_EXISTS, 'This team already exists');
  const { teamId, name, description, actorId, actorEmail, now } = command;
  return [
    {
      type: 'TeamCreated',
      data: {
        teamId,
        name: name.trim(),
        description: description.trim(),
        ownerId: actorId,
        ownerEmail: actorEmail,
        createdAt: now,
      },
    },
  ];
}

function decideTeam(command: TeamCommand, state: TeamState): TeamEvent[] {
  switch (command.type) {
    case 'CreateTeam':
      return decideCreateTeam(command, state);
    case 'UpdateTeam':
      return decideUpdateTeam(command, state);
    case 'InviteMember':
      return decideInviteMember(command, state);
    case 'ResendInvitation':
      return decideResendInvitation(command, state);
    case 'RevokeInvitation':
      return decideRevokeInvitation(command, state);
    case 'AcceptInvitation':
      return decideAcceptInvitation(command, state);
    case 'ChangeMemberRole':
      return decideChangeMemberRole(command, state);
    case 'RemoveMember':
      return decideRemoveMember(command, state);
    case 'LeaveTeam':
      return decideLeaveTeam(command, state);
    case 'TransferOwnership':
      return decideTransferOwnership(command, state);
    default:
      return assertNever(command, 'team command');
  }
}

/** A team: its members, their roles and its invitations. Stream `team-<teamId>`. */
export const teamDecider: Decider<TeamCommand, TeamEvent, TeamState> = {
  decide: decideTeam,
  evolve: evolveTeam,
  initialState: initialTeamState,
};

/** The stream of each team: `team-<teamId>`. */
export const teamStreams = streamCategory('team');
