/*
 * The HTTP status of each error code. Exact codes first, then the reason (after the dot) by
 * the naming rules every domain follows, so that a new `KEY.NOT_FOUND` needs no entry here.
 * A refused business rule without a rule below answers 422.
 */

const EXACT: Readonly<Record<string, number>> = {
  'REQUEST.VALIDATION': 400,
  'REQUEST.MALFORMED_BODY': 400,
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 415,
  'REQUEST.BODY_TOO_LARGE': 413,
  'AUTH.UNAUTHENTICATED': 401,
  'AUTH.CSRF': 403,
  'EVENT_STORE.CONFLICT': 409,
  'EVENT_STORE.IDEMPOTENCY_KEY_REUSED': 422,
  'AUTH.UNAVAILABLE': 503,
  'MAIL.UNAVAILABLE': 502,
  'TEAM.LAST_OWNER': 409,
  'TEAM.USE_LEAVE': 409,
  'TEAM.INVITATION_FOR_OTHER_EMAIL': 403,
  // A link that was good once and is not any more: used, revoked (or replaced) or expired.
  'TEAM.INVITATION_EXPIRED': 410,
  'TEAM.INVITATION_USED': 410,
  'TEAM.INVITATION_REVOKED': 410,
};

const BY_REASON: readonly (readonly [RegExp, number])[] = [
  [/^(UNAUTHENTICATED|INVALID_CREDENTIALS)$/, 401],
  [/^(FORBIDDEN|CSRF)$/, 403],
  [/(^|_)NOT_FOUND$/, 404],
  [/^(CONFLICT|ALREADY_EXISTS)$|^ALREADY_/, 409],
  [/^(THROTTLED|RATE_LIMITED)$/, 429],
  [/^(VALIDATION|WEAK_PASSWORD)$|^(INVALID|MALFORMED)_/, 400],
];

export const DEFAULT_DOMAIN_ERROR_STATUS = 422;

export function statusOfCode(code: string): number {
  const exact = EXACT[code];
  if (exact !== undefined) return exact;
  const reason = code.slice(code.indexOf('.') + 1);
  return BY_REASON.find(([pattern]) => pattern.test(reason))?.[1] ?? DEFAULT_DOMAIN_ERROR_STATUS;
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export const titleOfStatus = (status: number): string => TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Error');
