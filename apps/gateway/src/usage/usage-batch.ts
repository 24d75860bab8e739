import {
  emptyUsageColumns,
  encodeUsageColumns,
  MAX_USAGE_RECORDS_PER_MESSAGE,
  MAX_USAGE_ROUTE_LENGTH,
  sliceUsageColumns,
  type UsageColumns,
  type UsageOutcome,
  usageMessageKey,
} from '@portal/contracts';
import type { OutgoingMessage } from '@portal/messaging';
import type { CachedKey } from '../key-cache/cached-key';

/** What the gateway learnt of one partner call while handling it, for its usage record. */
export interface PartnerCall {
  readonly requestId: string;
  outcome: UsageOutcome;
  /** The key the call named, once known (revoked and expired keys included); null otherwise. */
  key: CachedKey | null;
}

export interface CallEnd {
  readonly method: string;
  /** The URL as received (the query string is dropped here). */
  readonly url: string;
  readonly sourceIp: string;
  readonly status: number;
  readonly latencyMs: number;
  /** When the answer ended (epoch ms). */
  readonly endedAt: number;
}

const MAX_SOURCE_IP_LENGTH = 64;

/**
 * What a record adds to its message besides the characters of its strings: quotes, commas,
 * the time, status, latency and outcome. Rounded up, so that the estimate errs high.
 */
const RECORD_OVERHEAD_BYTES = 64;

/**
 * The usage records of the calls that ended since a batch began, by key, in columns
 * (UsageColumns): a call adds one value to each column and makes no record object. Records
 * name a key by its id only, never by anything secret.
 */
export class UsageBatch {
  private readonly byKey = new Map<string, UsageColumns>();
  private count = 0;
  private bytes = 0;

  /** Records in the batch. */
  get size(): number {
    return this.count;
  }

  /** About how many bytes the batch's messages take, on the high side (a character counted as a byte). */
  get approximateBytes(): number {
    return this.bytes;
  }

  add(call: PartnerCall, end: CallEnd): void {
    const keyId = call.key?.keyId ?? null;
    const messageKey = usageMessageKey(keyId);
    let columns = this.byKey.get(messageKey);
    if (columns === undefined) {
      columns = emptyUsageColumns(keyId, call.key?.teamId ?? null, call.key?.environment ?? null);
      this.byKey.set(messageKey, columns);
    }
    const queryAt = end.url.indexOf('?');
    const route = (queryAt < 0 ? end.url : end.url.slice(0, queryAt)).slice(0, MAX_USAGE_ROUTE_LENGTH);
    const sourceIp = end.sourceIp.slice(0, MAX_SOURCE_IP_LENGTH);
    const latencyMs = Math.max(0, Math.round(end.latencyMs * 1000) / 1000);
    columns.requestId.push(call.requestId);
    // When the call arrived, to the millisecond.
    columns.at.push(Math.floor(end.endedAt - latencyMs));
    columns.method.push(end.method);
    columns.route.push(route);
    columns.status.push(end.status);
    columns.latencyMs.push(latencyMs);
    columns.sourceIp.push(sourceIp);
    columns.outcome.push(call.outcome);
    this.count += 1;
    this.bytes += RECORD_OVERHEAD_BYTES + call.requestId.length + end.method.length + route.length + sourceIp.length;
  }

  /** The batch as messages: one per key id, split at MAX_USAGE_RECORDS_PER_MESSAGE records. */
  messages(): OutgoingMessage[] {
    const messages: OutgoingMessage[] = [];
    for (const [key, columns] of this.byKey) {
      for (const part of partsOf(columns)) messages.push({ key, value: encodeUsageColumns(part) });
    }
    return messages;
  }
}

/** The columns, cut into parts of at most MAX_USAGE_RECORDS_PER_MESSAGE records. */
function partsOf(columns: UsageColumns): UsageColumns[] {
  const total = columns.requestId.length;
  if (total <= MAX_USAGE_RECORDS_PER_MESSAGE) return [columns];
  const parts: UsageColumns[] = [];
  for (let start = 0; start < total; start += MAX_USAGE_RECORDS_PER_MESSAGE) {
    parts.push(sliceUsageColumns(columns, start, start + MAX_USAGE_RECORDS_PER_MESSAGE));
  }
  return parts;
}
