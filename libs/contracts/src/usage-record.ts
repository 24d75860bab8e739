/*
 * A usage record: what the gateway saw of one partner API call, forwarded or refused. Records
 * are telemetry, not domain events: the gateway publishes them in batches to
 * `portal.usage.requests` (one message per record, keyed by key id), never into the event
 * store. They carry no key material: a call with an unknown or malformed key has keyId null.
 */

export const USAGE_RECORD_VERSION = 1;

export const USAGE_OUTCOMES = [
  /** Forwarded to the upstream API; `status` is the upstream's answer. */
  'forwarded',
  /** No key, a malformed key, a bad checksum, or a key unknown, revoked or expired: 401. */
  'unauthenticated',
  /** Over the key's rate limit: 429. */
  'rate_limited',
  /** Over the key's daily or monthly quota: 429. */
  'quota_exceeded',
  /** From a source address outside the key's allowlist: 403. */
  'forbidden_network',
  /** The gateway could not confirm the key (bus silent and keys service unreachable): 503. */
  'unconfirmed',
  /** The upstream API could not be reached or did not answer in time: 502 or 504. */
  'upstream_failed',
] as const;
export type UsageOutcome = (typeof USAGE_OUTCOMES)[number];

export interface UsageRecord {
  readonly version: typeof USAGE_RECORD_VERSION;
  /** The gateway's request id (also sent back to the caller as `x-request-id`). */
  readonly requestId: string;
  /** null when the call did not name a known key. */
  readonly keyId: string | null;
  readonly teamId: string | null;
  readonly environment: 'development' | 'production' | null;
  /** When the call arrived, ISO 8601. */
  readonly at: string;
  readonly method: string;
  /** The request path without its query string, at most 512 characters. */
  readonly route: string;
  /** The HTTP status the caller received. */
  readonly status: number;
  /** From arrival to the last byte of the answer, milliseconds. */
  readonly latencyMs: number;
  readonly sourceIp: string;
  readonly outcome: UsageOutcome;
}

export const MAX_USAGE_ROUTE_LENGTH = 512;

export const encodeUsageRecord = (record: UsageRecord): string => JSON.stringify(record);

const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const isNullableText = (value: unknown, max: number): boolean => value === null || isText(value, max);

/** The record in a message, or null when the message is not a valid version-1 usage record. */
export function decodeUsageRecord(value: Buffer | string): UsageRecord | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const r = parsed as Record<string, unknown>;
  const valid =
    r.version === USAGE_RECORD_VERSION &&
    isText(r.requestId, 200) &&
    isNullableText(r.keyId, 100) &&
    isNullableText(r.teamId, 100) &&
    (r.environment === null || r.environment === 'development' || r.environment === 'production') &&
    isText(r.at, 40) &&
    !Number.isNaN(Date.parse(r.at)) &&
    isText(r.method, 20) &&
    isText(r.route, MAX_USAGE_ROUTE_LENGTH) &&
    Number.isInteger(r.status) &&
    (r.status as number) >= 100 &&
    (r.status as number) <= 599 &&
    typeof r.latencyMs === 'number' &&
    Number.isFinite(r.latencyMs) &&
    r.latencyMs >= 0 &&
    isText(r.sourceIp, 64) &&
    (USAGE_OUTCOMES as readonly unknown[]).includes(r.outcome);
  return valid ? (parsed as UsageRecord) : null;
}
