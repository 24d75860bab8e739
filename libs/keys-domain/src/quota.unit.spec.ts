import { quotaPeriodAt, quotaUsedAt, takeQuota, type QuotaState } from './quota';

const at = (iso: string) => Date.parse(iso);

describe('quotas', () => {
  it('periods are UTC calendar days and months', () => {
    expect(quotaPeriodAt('day', at('2026-11-20T23:59:59.999Z'))).toEqual({
      start: at('2026-11-20T00:00:00.000Z'),
      end: at('2026-11-21T00:00:00.000Z'),
    });
    expect(quotaPeriodAt('month', at('2026-12-31T12:00:00.000Z'))).toEqual({
      start: at('2026-12-01T00:00:00.000Z'),
      end: at('2027-01-01T00:00:00.000Z'),
    });
  });

  it('allows the quota, then refuses until the next period with retry-after', () => {
    const quota = { period: 'day' as const, requests: 3 };
    let state: QuotaState | null = null;
    const now = at('2026-11-20T18:00:00.000Z');
    const allowed = [1, 2, 3, 4].map(() => {
      const decision = takeQuota(state, now, quota);
      state = decision.state;
      return decision.allowed;
    });
    expect(allowed).toEqual([true, true, true, false]);
    expect(takeQuota(state, now, quota)).toMatchObject({ allowed: false, retryAfterMs: 6 * 60 * 60 * 1000 });
    expect(takeQuota(state, at('2026-11-21T00:00:00.000Z'), quota)).toMatchObject({
      allowed: true,
      state: { used: 1 },
    });
  });

  it('a monthly quota resets on the 1st', () => {
    const quota = { period: 'month' as const, requests: 1 };
    const used = takeQuota(null, at('2026-11-30T10:00:00.000Z'), quota).state;
    expect(takeQuota(used, at('2026-11-30T11:00:00.000Z'), quota).allowed).toBe(false);
    expect(takeQuota(used, at('2026-12-01T00:00:00.000Z'), quota).allowed).toBe(true);
  });

  it('starts a new count when the quota changes from daily to monthly, or the clock steps back', () => {
    const now = at('2026-11-20T18:00:00.000Z');
    const daily = takeQuota(null, now, { period: 'day', requests: 1 }).state;
    expect(takeQuota(daily, now, { period: 'month', requests: 1 })).toMatchObject({
      allowed: true,
      state: { used: 1 },
    });
    expect(takeQuota(daily, at('2026-11-19T23:00:00.000Z'), { period: 'day', requests: 1 }).allowed).toBe(true);
  });

  it('tells what a period has used, 0 once it is over', () => {
    const state = takeQuota(null, at('2026-11-20T18:00:00.000Z'), { period: 'day', requests: 5 }).state;
    expect(quotaUsedAt(state, 'day', at('2026-11-20T23:59:59.999Z'))).toBe(1);
    expect(quotaUsedAt(state, 'day', at('2026-11-21T00:00:00.000Z'))).toBe(0);
    expect(quotaUsedAt(state, 'month', at('2026-11-20T19:00:00.000Z'))).toBe(0);
    expect(quotaUsedAt(null, 'day', at('2026-11-20T19:00:00.000Z'))).toBe(0);
  });
});
