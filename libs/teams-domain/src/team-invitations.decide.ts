import { requireManager, requireMayAssign, teamOfMember } from './team-access';
import type { AcceptInvitation, InviteMember, ResendInvitation, RevokeInvitation } from './team.commands';
import { TeamErrorCode, teamError } from './team.errors';
import type { TeamEvent } from './team.events';
import { type ActiveTeam, type Invitation, sameEmail, type TeamState } from './team.state';

function invitationOf(team: ActiveTeam, invitationId: string): Invitation {
  const invitation = team.invitations.get(invitationId);
  if (!invitation) throw teamError(TeamErrorCode.INVITATION_NOT_FOUND, 'No such invitation');
  return invitation;
}

/** Refuses an invitation that can no longer be acted on: used or revoked. */
function requireOpen(invitation: Invitation): void {
  if (invitation.status === 'accepted') {
    throw teamError(TeamErrorCode.INVITATION_USED, 'This invitation has already been accepted');
  }
  if (invitation.status === 'revoked') {
    throw teamError(TeamErrorCode.INVITATION_REVOKED, 'This invitation has been revoked or replaced');
  }
}

const isExpired = (invitation: Invitation, now: string): boolean => Date.parse(now) >= Date.parse(invitation.expiresAt);

export function decideInviteMember(command: InviteMember, state: TeamState): TeamEvent[] {
  const { team, actor } = teamOfMember(state, command.actorId);
  requireMayAssign(actor, command.role);
  if ([...team.members.values()].some((member) => sameEmail(member.email, command.email))) {
    throw teamError(TeamErrorCode.ALREADY_MEMBER, 'This person is already a member of the team');
  }
  const replaced = [...team.invitations.values()].filter(
    (invitation) => invitation.status === 'pending' && sameEmail(invitation.email, command.email),
  );
  const revocations: TeamEvent[] = replaced.map((invitation) => ({
    type: 'InvitationRevoked',
    data: {
      teamId: team.teamId,
      invitationId: invitation.invitationId,
      revokedBy: actor.userId,
      reason: 'replaced',
      revokedAt: command.now,
    },
  }));
  const { invitationId, email, role, message, tokenHash, expiresAt, now } = command;
  const data = { teamId: team.teamId, invitationId, email: email.trim(), role, message, invitedBy: actor.userId };
  return [...revocations, { type: 'MemberInvited', data: { ...data, tokenHash, invitedAt: now, expiresAt } }];
}

export function decideResendInvitation(command: ResendInvitation, state: TeamState): TeamEvent[] {
  const { team, actor } = teamOfMember(state, command.actorId);
  const invitation = invitationOf(team, command.invitationId);
  requireMayAssign(actor, invitation.role);
  requireOpen(invitation);
  const { invitationId, tokenHash, expiresAt, now } = command;
  return [
    {
      type: 'InvitationResent',
      data: { teamId: team.teamId, invitationId, resentBy: actor.userId, tokenHash, resentAt: now, expiresAt },
    },
  ];
}

export function decideRevokeInvitation(command: RevokeInvitation, state: TeamState): TeamEvent[] {
  const { team, actor } = teamOfMember(state, command.actorId);
  requireManager(actor);
  const invitation = invitationOf(team, command.invitationId);
  requireOpen(invitation);
  const data = {
    teamId: team.teamId,
    invitationId: invitation.invitationId,
    revokedBy: actor.userId,
    revokedAt: command.now,
  };
  return [{ type: 'InvitationRevoked', data: { ...data, reason: 'revoked' } }];
}

/**
 * The invitee, signed in with the invited email, follows the newest link before it expires.
 * The actor is not a member yet, so the team is looked up without the membership check.
 */
export function decideAcceptInvitation(command: AcceptInvitation, state: TeamState): TeamEvent[] {
  if (state.status !== 'active') throw teamError(TeamErrorCode.INVITATION_NOT_FOUND, 'No such invitation');
  const invitation = invitationOf(state, command.invitationId);
  if (invitation.tokenHash !== command.tokenHash) {
    throw teamError(TeamErrorCode.INVITATION_NOT_FOUND, 'No such invitation');
  }
  requireOpen(invitation);
  if (isExpired(invitation, command.now)) {
    throw teamError(TeamErrorCode.INVITATION_EXPIRED, 'This invitation has expired: ask for a new one');
  }
  if (!sameEmail(invitation.email, command.actorEmail)) {
    throw teamError(
      TeamErrorCode.INVITATION_FOR_OTHER_EMAIL,
      'This invitation was sent to another email address: sign in with that address to accept it',
    );
  }
  if (state.members.has(command.actorId)) {
    throw teamError(TeamErrorCode.ALREADY_MEMBER, 'You are already a member of this team');
  }
  const { invitationId, email, role } = invitation;
  const data = { teamId: state.teamId, invitationId, userId: command.actorId, email, role, acceptedAt: command.now };
  return [{ type: 'InvitationAccepted', data }];
}
