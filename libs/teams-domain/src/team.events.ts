import type { DomainEvent } from '@portal/event-sourcing/domain';
import type { TeamRole } from './team-role';

/*
 * The events of a team's stream (`team-<teamId>`), version 1. A stored event's shape is never
 * edited: a change adds a version and an upcaster. Invitation tokens appear only as SHA-256
 * hashes; emails are those the members were invited with.
 */

export type TeamCreated = DomainEvent<
  'TeamCreated',
  {
    readonly teamId: string;
    readonly name: string;
    readonly description: string;
    readonly ownerId: string;
    readonly ownerEmail: string;
    readonly createdAt: string;
  }
>;

export type TeamUpdated = DomainEvent<
  'TeamUpdated',
  { readonly teamId: string; readonly name: string; readonly description: string; readonly updatedBy: string }
>;

export type MemberInvited = DomainEvent<
  'MemberInvited',
  {
    readonly teamId: string;
    readonly invitationId: string;
    readonly email: string;
    readonly role: TeamRole;
    readonly message: string;
    readonly invitedBy: string;
    readonly tokenHash: string;
    readonly invitedAt: string;
    readonly expiresAt: string;
  }
>;

export type InvitationResent = DomainEvent<
  'InvitationResent',
  {
    readonly teamId: string;
    readonly invitationId: string;
    readonly resentBy: string;
    readonly tokenHash: string;
    readonly resentAt: string;
    readonly expiresAt: string;
  }
>;

export type InvitationRevoked = DomainEvent<
  'InvitationRevoked',
  {
    readonly teamId: string;
    readonly invitationId: string;
    readonly revokedBy: string;
    /** `revoked` by a person, or `replaced` by a newer invitation to the same email. */
    readonly reason: 'revoked' | 'replaced';
    readonly revokedAt: string;
  }
>;

export type InvitationAccepted = DomainEvent<
  'InvitationAccepted',
  {
    readonly teamId: string;
    readonly invitationId: string;
    readonly userId: string;
    readonly email: string;
    readonly role: TeamRole;
    readonly acceptedAt: string;
  }
>;

export type MemberRoleChanged = DomainEvent<
  'MemberRoleChanged',
  {
    readonly teamId: string;
    readonly userId: string;
    readonly from: TeamRole;
    readonly to: TeamRole;
    readonly changedBy: string;
  }
>;

export type MemberRemoved = DomainEvent<
  'MemberRemoved',
  { readonly teamId: string; readonly userId: string; readonly role: TeamRole; readonly removedBy: string }
>;

export type MemberLeft = DomainEvent<
  'MemberLeft',
  { readonly teamId: string; readonly userId: string; readonly role: TeamRole }
>;

export type OwnershipTransferred = DomainEvent<
  'OwnershipTransferred',
  {
    readonly teamId: string;
    /** The Owner who handed over; stays in the team as an Admin. */
    readonly from: string;
    readonly to: string;
    /** The new Owner's role before the transfer. */
    readonly previousRole: TeamRole;
  }
>;

export type TeamEvent =
  | TeamCreated
  | TeamUpdated
  | MemberInvited
  | InvitationResent
  | InvitationRevoked
  | InvitationAccepted
  | MemberRoleChanged
  | MemberRemoved
  | MemberLeft
  | OwnershipTransferred;

export type TeamEventType = TeamEvent['type'];
