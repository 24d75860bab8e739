/*
 * Owners and Admins are warned 7 days and 1 day before a key expires. The scheduler asks which
 * warnings are due and records those it sent, so a warning goes out once.
 */

export const EXPIRY_WARNINGS = ['7d', '1d'] as const;
export type ExpiryWarning = (typeof EXPIRY_WARNINGS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The warnings to send now: `7d` once a key has 7 days or less left, `1d` once it has a day or
 * less. Only the most urgent is returned: after a scheduler outage, a key with 12 hours left
 * gets the 1-day warning, not a stale "7 days" one too. A key that never expires, or has
 * expired, gets none.
 */
export function expiryWarningsDue(
  expiresAt: string | null,
  now: string,
  alreadySent: readonly ExpiryWarning[],
): ExpiryWarning[] {
  if (expiresAt === null) return [];
  const left = Date.parse(expiresAt) - Date.parse(now);
  if (left <= 0) return [];
  if (alreadySent.includes('1d')) return [];
  if (left <= DAY_MS) return ['1d'];
  if (left <= 7 * DAY_MS && !alreadySent.includes('7d')) return ['7d'];
  return [];
}
