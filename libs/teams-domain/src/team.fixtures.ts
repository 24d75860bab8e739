import type { TeamRole } from './team-role';
import type { TeamEvent } from './team.events';

/** Test data for team decider specifications: a team with an Owner, and helpers to grow it. */
export const TEAM = 'team-1';
export const NOW = '2026-11-20T10:00:00.000Z';
export const LATER = '2026-11-25T10:00:00.000Z';
export const IN_A_WEEK = '2026-11-27T10:00:00.000Z';

export const created = (ownerId = 'owner-1'): TeamEvent => ({
  type: 'TeamCreated',
  data: {
    teamId: TEAM,
    name: 'Acme',
    description: 'Payments',
    ownerId,
    ownerEmail: `${ownerId}@acme.test`,
    createdAt: NOW,
  },
});

export const invited = (invitationId: string, email: string, role: TeamRole = 'member', by = 'owner-1'): TeamEvent => ({
  type: 'MemberInvited',
  data: {
    teamId: TEAM,
    invitationId,
    email,
    role,
    message: '',
    invitedBy: by,
    tokenHash: `hash-${invitationId}`,
    invitedAt: NOW,
    expiresAt: IN_A_WEEK,
  },
});

export const accepted = (invitationId: string, userId: string, role: TeamRole = 'member'): TeamEvent => ({
  type: 'InvitationAccepted',
  data: { teamId: TEAM, invitationId, userId, email: `${userId}@acme.test`, role, acceptedAt: NOW },
});

/** The events that make `userId` a member with `role` (invited by owner-1, accepted). */
export const joined = (userId: string, role: TeamRole): TeamEvent[] => [
  invited(`inv-${userId}`, `${userId}@acme.test`, role),
  accepted(`inv-${userId}`, userId, role),
];

/** owner-1 (Owner), admin-1 (Admin), member-1 (Member). */
export const teamOfThree = (): TeamEvent[] => [
  created(),
  ...joined('admin-1', 'admin'),
  ...joined('member-1', 'member'),
];
