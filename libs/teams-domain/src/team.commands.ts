import type { TeamRole } from './team-role';

/*
 * What people ask of a team. The handler supplies what a pure decider cannot make: the acting
 * user, the time (`now`, ISO 8601), new ids, token hashes and expiry times.
 */

interface Acting {
  readonly actorId: string;
  readonly now: string;
}

export interface CreateTeam extends Acting {
  readonly type: 'CreateTeam';
  readonly teamId: string;
  readonly name: string;
  readonly description: string;
  readonly actorEmail: string;
}

export interface UpdateTeam extends Acting {
  readonly type: 'UpdateTeam';
  readonly name?: string;
  readonly description?: string;
}

export interface InviteMember extends Acting {
  readonly type: 'InviteMember';
  readonly invitationId: string;
  readonly email: string;
  readonly role: TeamRole;
  readonly message: string;
  readonly tokenHash: string;
  readonly expiresAt: string;
}

export interface ResendInvitation extends Acting {
  readonly type: 'ResendInvitation';
  readonly invitationId: string;
  readonly tokenHash: string;
  readonly expiresAt: string;
}

export interface RevokeInvitation extends Acting {
  readonly type: 'RevokeInvitation';
  readonly invitationId: string;
}

export interface AcceptInvitation extends Acting {
  readonly type: 'AcceptInvitation';
  readonly invitationId: string;
  /** The hash of the token in the link that was followed. */
  readonly tokenHash: string;
  /** The signed-in account's email: it must be the one invited. */
  readonly actorEmail: string;
}

export interface ChangeMemberRole extends Acting {
  readonly type: 'ChangeMemberRole';
  readonly userId: string;
  readonly role: TeamRole;
}

export interface RemoveMember extends Acting {
  readonly type: 'RemoveMember';
  readonly userId: string;
}

export interface LeaveTeam extends Acting {
  readonly type: 'LeaveTeam';
}

export interface TransferOwnership extends Acting {
  readonly type: 'TransferOwnership';
  readonly userId: string;
}

export type TeamCommand =
  | CreateTeam
  | UpdateTeam
  | InviteMember
  | ResendInvitation
  | RevokeInvitation
  | AcceptInvitation
  | ChangeMemberRole
  | RemoveMember
  | LeaveTeam
  | TransferOwnership;
