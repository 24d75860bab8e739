/*
 * A usage record: what the gateway saw of one partner API call, forwarded or refused. Records
 * are telemetry, not domain events: the gateway publishes them in batches to
 * `portal.usage.requests`, never into the event store. A message holds one key's records of
 * one flush, oldest first, at most MAX_USAGE_RECORDS_PER_MESSAGE, keyed by the key id
 * (`unknown` for calls without a known key), so that one key's records stay in order and a
 * busy gateway sends a few messages a second rather than one per call. Records carry no key
 * material: a call with an unknown or malformed key has keyId null.
 *
 * A message is written in columns (UsageColumns): the key's fields once, then one array per
 * field. That is about a third of the bytes of a JSON array of records, and the bytes are
 * what the broker and the producer spend their time on. Messages of earlier gateways, JSON
 * arrays of records, are still read.
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

/** The message key of a key id's records: the key id, or `unknown`. */
export const usageMessageKey = (keyId: string | null): string => keyId ?? 'unknown';

/**
 * One message of records in columns: the fields every record of the message shares (one key,
 * or none), then one array per other field, the n-th entries of all arrays making the n-th
 * record. `at` is in epoch milliseconds.
 */
export interface UsageColumns {
  readonly format: typeof USAGE_COLUMNS_FORMAT;
  readonly keyId: string | null;
  readonly teamId: string | null;
  readonly environment: UsageRecord['environment'];
  readonly requestId: string[];
  readonly at: number[];
  readonly method: string[];
  readonly route: string[];
  readonly status: number[];
  readonly latencyMs: number[];
  readonly sourceIp: string[];
  readonly outcome: UsageOutcome[];
}

export const USAGE_COLUMNS_FORMAT = 'columns';

/** The fields of UsageColumns that hold one entry per record. */
const COLUMNS = ['requestId', 'at', 'method', 'route', 'status', 'latencyMs', 'sourceIp', 'outcome'] as const;

/** Records `start` to `end` (not included) of the columns, with the fields they share. */
export function sliceUsageColumns(columns: UsageColumns, start: number, end: number): UsageColumns {
  const part = { ...columns };
  for (const name of COLUMNS) Object.assign(part, { [name]: columns[name].slice(start, end) });
  return part;
}

/** The columns of one key's records (or of calls naming no known key), empty. */
export function emptyUsageColumns(
  keyId: string | null,
  teamId: string | null,
  environment: UsageRecord['environment'],
): UsageColumns {
  return {
    format: USAGE_COLUMNS_FORMAT,
    keyId,
    teamId,
    environment,
    requestId: [],
    at: [],
    method: [],
    route: [],
    status: [],
    latencyMs: [],
    sourceIp: [],
    outcome: [],
  };
}

/** One message's value: 1 to MAX_USAGE_RECORDS_PER_MESSAGE records of one key, in columns. */
export const encodeUsageColumns = (columns: UsageColumns): string => JSON.stringify(columns);

/** A message's value as earlier gateways wrote it: the records of one key as a JSON array. */
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
 * The records of a message, in columns or a JSON array of records: the valid ones, and how
 * many entries were not valid records. Null when the message is neither, holds more than
 * MAX_USAGE_RECORDS_PER_MESSAGE entries, or its columns differ in length.
 */
export function decodeUsageRecords(value: Buffer | string): { records: UsageRecord[]; invalid: number } | null {
  const message = parsed(value);
  const entries = Array.isArray(message) ? message : entriesOfColumns(message);
  if (entries === null || entries.length > MAX_USAGE_RECORDS_PER_MESSAGE) return null;
  const records: UsageRecord[] = [];
  for (const entry of entries) {
    const record = usageRecordOf(entry);
    if (record !== null) records.push(record);
  }
  return { records, invalid: entries.length - records.length };
}

/** A columns message's entries as records to check (its `at` numbers as ISO text); null when it is not one. */
function entriesOfColumns(message: unknown): unknown[] | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  if (m.format !== USAGE_COLUMNS_FORMAT) return null;
  const columns = COLUMNS.map((name) => m[name]);
  const [first] = columns;
  if (!Array.isArray(first) || columns.some((column) => !Array.isArray(column) || column.length !== first.length)) {
    return null;
  }
  const [requestId, at, method, route, status, latencyMs, sourceIp, outcome] = columns as unknown[][];
  return first.map((_, n) => ({
    version: USAGE_RECORD_VERSION,
    requestId: requestId?.[n],
    keyId: m.keyId,
    teamId: m.teamId,
    environment: m.environment,
    at: isoOf(at?.[n]),
    method: method?.[n],
    route: route?.[n],
    status: status?.[n],
    latencyMs: latencyMs?.[n],
    sourceIp: sourceIp?.[n],
    outcome: outcome?.[n],
  }));
}

const LATEST_TIME_MS = 8.64e15;

/** Epoch milliseconds as ISO text; undefined (an invalid entry) for anything else. */
function isoOf(value: unknown): string | undefined {
  return Number.isInteger(value) && Math.abs(value as number) <= LATEST_TIME_MS
    ? new Date(value as number).toISOString()
    : undefined;
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
