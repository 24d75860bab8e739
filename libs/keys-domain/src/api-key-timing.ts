/*
 * The choices people make about a key's lifetime, turned into times. Pure date arithmetic: the
 * caller supplies `now`.
 */

export const KEY_EXPIRATIONS = ['never', '30d', '90d', '180d'] as const;
export type KeyExpiration = (typeof KEY_EXPIRATIONS)[number];

export const ROLL_GRACES = ['none', '1h', '24h', '7d'] as const;
export type RollGrace = (typeof ROLL_GRACES)[number];

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

const EXPIRATION_MS: Record<Exclude<KeyExpiration, 'never'>, number> = {
  '30d': 30 * DAY_MS,
  '90d': 90 * DAY_MS,
  '180d': 180 * DAY_MS,
};

const GRACE_MS: Record<Exclude<RollGrace, 'none'>, number> = { '1h': HOUR_MS, '24h': DAY_MS, '7d': 7 * DAY_MS };

const plus = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

/** When a key created at `now` expires; null for `never`. */
export const expiresAtFor = (expiration: KeyExpiration, now: string): string | null =>
  expiration === 'never' ? null : plus(now, EXPIRATION_MS[expiration]);

/** Until when a key rolled at `now` keeps working; null for `none` (revoked at once). */
export const graceEndsAtFor = (grace: RollGrace, now: string): string | null =>
  grace === 'none' ? null : plus(now, GRACE_MS[grace]);

/** A key is told to be expiring soon within this long of its expiry. */
export const EXPIRING_SOON_MS = 7 * DAY_MS;
