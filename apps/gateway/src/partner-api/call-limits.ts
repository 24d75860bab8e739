import { Injectable } from '@nestjs/common';
import {
  type BucketState,
  cidrContains,
  type IpAddress,
  parseIp,
  type QuotaState,
  quotaUsedAt,
  takeQuota,
  takeToken,
} from '@portal/keys-domain';
import type { CachedKey } from '../key-cache/cached-key';

/** What this gateway process has counted of one key: its token bucket and its quota period. */
export interface KeyUsageState {
  readonly bucket: BucketState | null;
  readonly quota: QuotaState | null;
}

/** Why a call with a known key is refused, or that it may go on. */
export type CallVerdict =
  | { readonly outcome: 'allowed' }
  | { readonly outcome: 'unauthenticated' }
  | { readonly outcome: 'forbidden_network' }
  | { readonly outcome: 'rate_limited' | 'quota_exceeded'; readonly retryAfterSeconds: number };

const ALLOWED: CallVerdict = { outcome: 'allowed' };
const UNUSABLE: CallVerdict = { outcome: 'unauthenticated' };
const FORBIDDEN: CallVerdict = { outcome: 'forbidden_network' };
export const NO_USAGE: KeyUsageState = { bucket: null, quota: null };

/** `Retry-After` in whole seconds, at least 1: a client retrying sooner would be refused again. */
export const retryAfterSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/** The caller's address for the allowlist; an IPv4 address mapped into IPv6 (`::ffff:a.b.c.d`) counts as IPv4. */
export function clientAddressOf(ip: string): IpAddress | null {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return parseIp(mapped?.[1] ?? ip);
}

function fromAllowedNetwork(key: CachedKey, clientIp: string): boolean {
  if (key.allowlist === null) return true;
  const address = clientAddressOf(clientIp);
  return address !== null && key.allowlist.some((block) => cidrContains(block, address));
}

/**
 * Decides a call with a known key at `now` (epoch ms), in the order a caller can act on: a key
 * that no longer works, a source outside the allowlist, then the rate and the quota. Only an
 * allowed call is counted against the quota; a call refused by the rate takes no quota.
 */
export function admitCall(
  key: CachedKey,
  usage: KeyUsageState,
  clientIp: string,
  now: number,
): { readonly verdict: CallVerdict; readonly usage: KeyUsageState } {
  if (now >= key.usableUntil) return { verdict: UNUSABLE, usage };
  if (!fromAllowedNetwork(key, clientIp)) return { verdict: FORBIDDEN, usage };
  let { bucket, quota } = usage;
  if (key.rate !== null) {
    const taken = takeToken(bucket, now, key.rate);
    bucket = taken.state;
    if (!taken.allowed) {
      const verdict = { outcome: 'rate_limited', retryAfterSeconds: retryAfterSeconds(taken.retryAfterMs) } as const;
      return { verdict, usage: { bucket, quota } };
    }
  }
  if (key.quota !== null) {
    const counted = takeQuota(quota, now, key.quota);
    quota = counted.state;
    if (!counted.allowed) {
      const verdict = {
        outcome: 'quota_exceeded',
        retryAfterSeconds: retryAfterSeconds(counted.retryAfterMs),
      } as const;
      return { verdict, usage: { bucket, quota } };
    }
  }
  return { verdict: ALLOWED, usage: { bucket, quota } };
}

/** Requests left in the key's current quota period, as counted here; null when the key has no quota. */
export function remainingQuota(key: CachedKey, usage: KeyUsageState, now: number): number | null {
  if (key.quota === null) return null;
  return Math.max(0, key.quota.requests - quotaUsedAt(usage.quota, key.quota.period, now));
}

/**
 * The limits state of every key, counted in this process: with several gateway processes each
 * counts its own calls, so a key's rate and quota are per process.
 */
@Injectable()
export class CallLimiter {
  private readonly usage = new Map<string, KeyUsageState>();

  admit(key: CachedKey, clientIp: string, now: number): CallVerdict {
    const { verdict, usage } = admitCall(key, this.usage.get(key.keyId) ?? NO_USAGE, clientIp, now);
    if (key.rate !== null || key.quota !== null) this.usage.set(key.keyId, usage);
    return verdict;
  }

  remaining(key: CachedKey, now: number): number | null {
    return remainingQuota(key, this.usage.get(key.keyId) ?? NO_USAGE, now);
  }
}
