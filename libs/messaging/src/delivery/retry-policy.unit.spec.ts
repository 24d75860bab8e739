import { thrownBy } from '../contract/bus-fixtures.contract';
import { RetryPolicy } from './retry-policy';

describe('retry policy', () => {
  it('waits exponentially longer after each failure, up to the maximum', () => {
    const policy = new RetryPolicy(10, { initialMs: 100, multiplier: 2, maxMs: 1000 });
    expect([1, 2, 3, 4, 5, 6].map((attempt) => policy.delayAfter(attempt))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('defaults to 5 attempts starting at 100 ms', () => {
    const policy = new RetryPolicy();
    expect(policy.maxAttempts).toBe(5);
    expect(policy.delayAfter(1)).toBe(100);
    expect([4, 5].map((attempt) => policy.exhausted(attempt))).toEqual([false, true]);
  });

  it('never gives up when there is no dead-letter topic to give up to', () => {
    const policy = new RetryPolicy(2, {}, false);
    expect(policy.exhausted(1_000)).toBe(false);
  });

  it.each([
    [0, {}],
    [1.5, {}],
    [3, { initialMs: -1 }],
    [3, { multiplier: 0.5 }],
    [3, { initialMs: 500, maxMs: 100 }],
  ])('refuses maxAttempts %j with backoff %j', (maxAttempts, backoff) => {
    expect(thrownBy(() => new RetryPolicy(maxAttempts, backoff))).toMatchObject({ code: 'BUS.INVALID_SUBSCRIPTION' });
  });
});
