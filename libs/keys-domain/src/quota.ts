import type { Quota, QuotaPeriod } from './api-key-limits';
import type { LimitDecision } from './token-bucket';

/*
 * A key's daily or monthly quota: requests counted per UTC calendar day or month. Pure: the
 * caller keeps the count and supplies the time (epoch milliseconds).
 */

export interface QuotaState {
  /** Start of the counted period (epoch ms, UTC midnight on the day or the 1st of the month). */
  readonly periodStart: number;
  readonly used: number;
}

/** The start of the period `now` falls in, and of the next one. */
export function quotaPeriodAt(period: QuotaPeriod, now: number): { start: number; end: number } {
  const date = new Date(now);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  if (period === 'month') return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1) };
  const day = date.getUTCDate();
  return { start: Date.UTC(year, month, day), end: Date.UTC(year, month, day + 1) };
}

/** Counts one request at `now` against the quota, or says how long until the period resets. */
export function takeQuota(usage: QuotaState | null, now: number, quota: Quota): LimitDecision<QuotaState> {
  const { start, end } = quotaPeriodAt(quota.period, now);
  const used = usage && usage.periodStart === start ? usage.used : 0;
  if (used >= quota.requests) return { allowed: false, retryAfterMs: end - now, state: { periodStart: start, used } };
  return { allowed: true, retryAfterMs: 0, state: { periodStart: start, used: used + 1 } };
}
