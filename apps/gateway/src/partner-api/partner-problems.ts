/**
 * The partner API's refusals, as application/problem+json like every error of the portal.
 * Every refusal of a key (none, malformed, mistyped, unknown, revoked, expired) has the same
 * code and words, so that an answer tells nothing about which keys exist.
 */
export const PARTNER_PROBLEMS = {
  unauthenticated: {
    status: 401,
    code: 'GATEWAY.UNAUTHENTICATED',
    detail: 'A valid API key is required: send it as Authorization: Bearer <key>',
  },
  forbiddenNetwork: {
    status: 403,
    code: 'GATEWAY.FORBIDDEN',
    detail: "This API key may not be used from this network address (see the key's allowlist)",
  },
  rateLimited: { status: 429, code: 'GATEWAY.RATE_LIMITED', detail: "The key's request rate limit is reached" },
  quotaExceeded: { status: 429, code: 'GATEWAY.QUOTA_EXCEEDED', detail: "The key's request quota is used up" },
  unconfirmed: {
    status: 503,
    code: 'GATEWAY.UNAVAILABLE',
    detail: 'The API key cannot be checked right now; try again shortly',
  },
  upstreamUnreachable: { status: 502, code: 'GATEWAY.UPSTREAM_UNREACHABLE', detail: 'The API could not be reached' },
  upstreamTimeout: { status: 504, code: 'GATEWAY.UPSTREAM_TIMEOUT', detail: 'The API did not answer in time' },
  badPath: {
    status: 400,
    code: 'GATEWAY.INVALID_PATH',
    detail: 'The path may not contain "." or ".." segments or backslashes',
  },
  methodNotAllowed: {
    status: 405,
    code: 'GATEWAY.METHOD_NOT_ALLOWED',
    detail: 'The API does not answer this method; the Allow header lists those it answers',
  },
  internal: { status: 500, code: 'INTERNAL', detail: 'An unexpected error occurred' },
} as const;
