import type { TeamRole } from './team-role';

export interface Member {
  readonly userId: string;
  readonly email: string;
  readonly role: TeamRole;
  readonly joinedAt: string;
}

export type InvitationStatus = 'pending' | 'accepted' | 'revoked';

export interface Invitation {
  readonly invitationId: string;
  readonly email: string;
  readonly role: TeamRole;
  readonly invitedBy: string;
  readonly tokenHash: string;
  readonly expiresAt: string;
  readonly status: InvitationStatus;
}

export type TeamState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active';
      readonly teamId: string;
      readonly name: string;
      readonly description: string;
      /** By user id. */
      readonly members: ReadonlyMap<string, Member>;
      /** By invitation id, every invitation ever sent (the used and revoked ones refuse re-use). */
      readonly invitations: ReadonlyMap<string, Invitation>;
    };

export type ActiveTeam = Extract<TeamState, { status: 'active' }>;

export const ownerCount = (team: ActiveTeam): number =>
  [...team.members.values()].filter((member) => member.role === 'owner').length;

/** Emails are compared as people type them: without surrounding spaces, case-insensitively. */
export const sameEmail = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
