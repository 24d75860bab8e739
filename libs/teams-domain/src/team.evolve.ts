import { assertNever } from '@portal/event-sourcing/domain';
import type { TeamEvent } from './team.events';
import type { ActiveTeam, Invitation, Member, TeamState } from './team.state';

export const initialTeamState = (): TeamState => ({ status: 'none' });

const withMember = (team: ActiveTeam, member: Member): ActiveTeam => ({
  ...team,
  members: new Map(team.members).set(member.userId, member),
});

const withoutMember = (team: ActiveTeam, userId: string): ActiveTeam => {
  const members = new Map(team.members);
  members.delete(userId);
  return { ...team, members };
};

const withInvitation = (team: ActiveTeam, invitationId: string, change: Partial<Invitation>): ActiveTeam => {
  const invitation = team.invitations.get(invitationId);
  if (!invitation) return team;
  return { ...team, invitations: new Map(team.invitations).set(invitationId, { ...invitation, ...change }) };
};

const withRole = (team: ActiveTeam, userId: string, role: Member['role']): ActiveTeam => {
  const member = team.members.get(userId);
  return member ? withMember(team, { ...member, role }) : team;
};

/** Folds one event of a team's stream into its state. */
export function evolveTeam(state: TeamState, event: TeamEvent): TeamState {
  if (event.type === 'TeamCreated') {
    const { teamId, name, description, ownerId, ownerEmail, createdAt } = event.data;
    const owner: Member = { userId: ownerId, email: ownerEmail, role: 'owner', joinedAt: createdAt };
    return {
      status: 'active',
      teamId,
      name,
      description,
      members: new Map([[ownerId, owner]]),
      invitations: new Map(),
    };
  }
  if (state.status !== 'active') return state;
  return evolveActive(state, event);
}

function evolveActive(team: ActiveTeam, event: Exclude<TeamEvent, { type: 'TeamCreated' }>): ActiveTeam {
  switch (event.type) {
    case 'TeamUpdated':
      return { ...team, name: event.data.name, description: event.data.description };
    case 'MemberInvited': {
      const { invitationId, email, role, invitedBy, tokenHash, expiresAt } = event.data;
      const invitation: Invitation = { invitationId, email, role, invitedBy, tokenHash, expiresAt, status: 'pending' };
      return { ...team, invitations: new Map(team.invitations).set(invitationId, invitation) };
    }
    case 'InvitationResent':
      return withInvitation(team, event.data.invitationId, {
        tokenHash: event.data.tokenHash,
        expiresAt: event.data.expiresAt,
      });
    case 'InvitationRevoked':
      return withInvitation(team, event.data.invitationId, { status: 'revoked' });
    case 'InvitationAccepted': {
      const { invitationId, userId, email, role, acceptedAt } = event.data;
      return withMember(withInvitation(team, invitationId, { status: 'accepted' }), {
        userId,
        email,
        role,
        joinedAt: acceptedAt,
      });
    }
    case 'MemberRoleChanged':
      return withRole(team, event.data.userId, event.data.to);
    case 'MemberRemoved':
    case 'MemberLeft':
      return withoutMember(team, event.data.userId);
    case 'OwnershipTransferred':
      return withRole(withRole(team, event.data.from, 'admin'), event.data.to, 'owner');
    default:
      return assertNever(event);
  }
}
