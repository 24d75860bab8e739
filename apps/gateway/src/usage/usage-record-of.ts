import { MAX_USAGE_ROUTE_LENGTH, type UsageOutcome, type UsageRecord, USAGE_RECORD_VERSION } from '@portal/contracts';
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

/** The usage record of a finished call; it names the key by id only, never by anything secret. */
export function usageRecordOf(call: PartnerCall, end: CallEnd): UsageRecord {
  const queryAt = end.url.indexOf('?');
  const route = queryAt < 0 ? end.url : end.url.slice(0, queryAt);
  const latencyMs = Math.max(0, Math.round(end.latencyMs * 1000) / 1000);
  return {
    version: USAGE_RECORD_VERSION,
    requestId: call.requestId,
    keyId: call.key?.keyId ?? null,
    teamId: call.key?.teamId ?? null,
    environment: call.key?.environment ?? null,
    at: new Date(end.endedAt - latencyMs).toISOString(),
    method: end.method,
    route: route.slice(0, MAX_USAGE_ROUTE_LENGTH),
    status: end.status,
    latencyMs,
    sourceIp: end.sourceIp.slice(0, 64),
    outcome: call.outcome,
  };
}
