import type { Quota, QuotaPeriod } from './api-key-limits';
import type { LimitDecision } from './token-bucket';

/*
 * A key's daily or monthly quota: requests counted per UTC calendar day or month. Pure: the
 * caller keeps the count and supplies the time (epoch milliseconds).
 */

export interface QuotaState {
  /** The kind of period counted: a changed quota period starts a new count. */
  readonly period: QuotaPeriod;
  /** Start of the counted period (epoch ms, UTC midnight on the day or the 1st of the month). */
  readonly periodStart: number;
  /** Start of the next period: the count stands until then, with no calendar arithmetic per request. */
  readonly periodEnd: number;
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

/** Whether `usage` counts the `period` that `now` falls in. */
const counts = (usage: QuotaState | null, period: QuotaPeriod, now: number): usage is QuotaState =>
  usage !== null && usage.period === period && now >= usage.periodStart && now < usage.periodEnd;

/** Requests counted in the `period` that `now` falls in: 0 once that period is over. */
export const quotaUsedAt = (usage: QuotaState | null, period: QuotaPeriod, now: number): number =>
  counts(usage, period, now) ? usage.used : 0;

function freshCount(period: QuotaPeriod, now: number): QuotaState {
  const { start, end } = quotaPeriodAt(period, now);
  return { period, periodStart: start, periodEnd: end, used: 0 };
}

/** Counts one request at `now` against the quota, or says how long until the period resets. */
export function takeQuota(usage: QuotaState | null, now: number, quota: Quota): LimitDecision<QuotaState> {
  const current = counts(usage, quota.period, now) ? usage : freshCount(quota.period, now);
  if (current.used >= quota.requests) return { allowed: false, retryAfterMs: current.periodEnd - now, state: current };
  return { allowed: true, retryAfterMs: 0, state: { ...current, used: current.used + 1 } };
}
