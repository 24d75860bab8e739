/** The roles of the product guide. Owner: full administrative access; Admin: manages members and API keys; Member: read access. */
export const TEAM_ROLES = ['owner', 'admin', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** Roles an invitation may grant (Owner only when an Owner invites). */
export type InvitableRole = TeamRole;

export const isManager = (role: TeamRole): boolean => role === 'owner' || role === 'admin';
