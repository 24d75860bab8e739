import { SESSION_POLICY } from './session-policy';

export interface SessionTimes {
  readonly lastSeenAt: string;
  readonly expiresAt: string;
}

/** True when the session has been idle too long or has reached its absolute end. */
export function isSessionExpired(session: SessionTimes, now: Date, policy = SESSION_POLICY): boolean {
  const at = now.getTime();
  return at >= Date.parse(session.expiresAt) || at >= Date.parse(session.lastSeenAt) + policy.idleTimeoutMs;
}

/** True when the last-seen time is old enough to be written again. */
export const isTouchDue = (session: SessionTimes, now: Date, policy = SESSION_POLICY): boolean =>
  now.getTime() - Date.parse(session.lastSeenAt) >= policy.touchIntervalMs;
