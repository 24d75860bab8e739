/** How long sessions live, and what their cookie is called. */
export const SESSION_POLICY = {
  cookieName: 'portal_session',
  /** A session unused for this long ends. */
  idleTimeoutMs: 30 * 60_000,
  /** A session ends this long after sign-in, however busy. */
  absoluteLifetimeMs: 12 * 60 * 60_000,
  /** The last-seen time is written at most this often, not on every request. */
  touchIntervalMs: 60_000,
} as const;
