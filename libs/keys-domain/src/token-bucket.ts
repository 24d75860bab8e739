import type { RateLimit } from './api-key-limits';

/*
 * A key's request rate as a token bucket: it holds up to `burst` tokens, refills at
 * `perSecond` tokens a second, and each request takes one. Pure: the caller keeps the state
 * and supplies the time (epoch milliseconds).
 */

export interface BucketState {
  /** Tokens in the bucket (fractional between refills). */
  readonly tokens: number;
  /** When `tokens` was last computed. */
  readonly updatedAt: number;
}

export interface LimitDecision<State> {
  readonly allowed: boolean;
  /** 0 when allowed; otherwise how long until a retry can succeed (for `Retry-After`). */
  readonly retryAfterMs: number;
  readonly state: State;
}

/** A bucket seen for the first time is full. */
export const fullBucket = (limits: RateLimit, now: number): BucketState => ({ tokens: limits.burst, updatedAt: now });

function refilled(bucket: BucketState, now: number, limits: RateLimit): BucketState {
  // A clock that steps back refills nothing rather than taking tokens away.
  const elapsedMs = Math.max(0, now - bucket.updatedAt);
  const tokens = Math.min(limits.burst, bucket.tokens + (elapsedMs * limits.perSecond) / 1000);
  return { tokens, updatedAt: Math.max(now, bucket.updatedAt) };
}

/** Takes one token for a request at `now`, or says how long to wait for one. */
export function takeToken(bucket: BucketState | null, now: number, limits: RateLimit): LimitDecision<BucketState> {
  const current = refilled(bucket ?? fullBucket(limits, now), now, limits);
  if (current.tokens >= 1) {
    return { allowed: true, retryAfterMs: 0, state: { ...current, tokens: current.tokens - 1 } };
  }
  const retryAfterMs = Math.ceil(((1 - current.tokens) * 1000) / limits.perSecond);
  return { allowed: false, retryAfterMs, state: current };
}
