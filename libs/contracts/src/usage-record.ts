/*
 * A usage record: what the gateway saw of one partner API call, forwarded or refused. Records
 * are telemetry, not domain events: the gateway publishes them in batches to
 * `portal.usage.requests`, never into the event store. A message holds one key's records of
 * one flush, oldest first, as a JSON array of at most MAX_USAGE_RECORDS_PER_MESSAGE, keyed by
 * the key id (`unknown` for calls without a known key), so that one key's records stay in
 * order and a busy gateway sends a few messages a second rather than one per call. Records
 * carry no key material: a call with an unknown or malformed key has keyId null.
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

export const MAX_USAGE_RECORDS_PER_MESSAGE = 1000;

/** The message key of a record: its key id, or `unknown`. */
export const usageMessageKey = (record: UsageRecord): string => record.keyId ?? 'unknown';

export const encodeUsageRecord = (record: UsageRecord): string => JSON.stringify(record);

/** One message's value: the records (1 to MAX_USAGE_RECORDS_PER_MESSAGE, of one key) as a JSON array. */
export const encodeUsageRecords = (records: readonly UsageRecord[]): string => JSON.stringify(records);

const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const isNullableText = (value: unknown, max: number): boolean => value === null || isText(value, max);

function parsed(value: Buffer | string): unknown {
  try {
    return JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The record, or null when it is not a valid version-1 usage record. */
export function decodeUsageRecord(value: Buffer | string): UsageRecord | null {
  return usageRecordOf(parsed(value));
}

/**
 * The records of a message: the valid ones, and how many entries were not valid records;
 * null when the message is not a JSON array of at most MAX_USAGE_RECORDS_PER_MESSAGE entries.
 */
export function decodeUsageRecords(value: Buffer | string): { records: UsageRecord[]; invalid: number } | null {
  const entries = parsed(value);
  if (!Array.isArray(entries) || entries.length > MAX_USAGE_RECORDS_PER_MESSAGE) return null;
  const records: UsageRecord[] = [];
  for (const entry of entries) {
    const record = usageRecordOf(entry);
    if (record !== null) records.push(record);
  }
  return { records, invalid: entries.length - records.length };
}

function usageRecordOf(parsed: unknown): UsageRecord | null {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
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
