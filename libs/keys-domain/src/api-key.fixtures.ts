import type { TeamRole } from '@portal/teams-domain';
import type { ApiKeyLimits } from './api-key-limits';
import type { ApiKeyEvent } from './api-key.events';

/** Test data for API key decider specifications: a Production key of team-1 that expires in 30 days. */
export const TEAM = 'team-1';
export const KEY = 'key-1';
export const NOW = '2026-11-20T10:00:00.000Z';
export const LATER = '2026-11-21T10:00:00.000Z';
export const IN_30_DAYS = '2026-12-20T10:00:00.000Z';
export const HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
export const HINT = 'cr3_live_…Ab12';

/** The fields every command of `role` acting in team-1 on key-1 carries. */
export const acting = (role: TeamRole, now = LATER) =>
  ({ keyId: KEY, teamId: TEAM, actorId: `${role}-1`, actorRole: role, now }) as const;

export const created = (limits: ApiKeyLimits = {}): ApiKeyEvent => ({
  type: 'ApiKeyCreated',
  data: {
    keyId: KEY,
    teamId: TEAM,
    name: 'Checkout',
    description: 'Checkout service',
    environment: 'production',
    secretHash: HASH,
    hint: HINT,
    expiresAt: IN_30_DAYS,
    limits,
    rolledFrom: null,
    createdBy: 'admin-1',
    createdAt: NOW,
  },
});

export const revoked = (at = LATER): ApiKeyEvent => ({
  type: 'ApiKeyRevoked',
  data: { keyId: KEY, teamId: TEAM, cause: 'revoked', reason: null, revokedBy: 'owner-1', revokedAt: at },
});

export const expired = (): ApiKeyEvent => ({
  type: 'ApiKeyExpired',
  data: { keyId: KEY, teamId: TEAM, expiredAt: IN_30_DAYS },
});

export const rolled = (graceEndsAt: string | null, at = LATER): ApiKeyEvent => ({
  type: 'ApiKeyRolled',
  data: { keyId: KEY, teamId: TEAM, replacementKeyId: 'key-2', graceEndsAt, rolledBy: 'admin-1', rolledAt: at },
});
