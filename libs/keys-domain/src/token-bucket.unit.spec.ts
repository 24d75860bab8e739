import { type BucketState, takeToken } from './token-bucket';

const limits = { perSecond: 10, burst: 20 };

/** Sends `count` requests at time `at`, returning the allowed count and the last bucket. */
function burst(bucket: BucketState | null, at: number, count: number) {
  let state = bucket;
  let allowed = 0;
  let lastRetryAfterMs = 0;
  for (let request = 0; request < count; request += 1) {
    const decision = takeToken(state, at, limits);
    state = decision.state;
    if (decision.allowed) allowed += 1;
    lastRetryAfterMs = decision.retryAfterMs;
  }
  return { allowed, state, lastRetryAfterMs };
}

describe('the token bucket', () => {
  it('a new key may send a burst at once, then is refused', () => {
    const result = burst(null, 0, 25);
    expect(result.allowed).toBe(20);
    expect(result.lastRetryAfterMs).toBe(100);
  });

  it('an allowed request has no retry-after', () => {
    expect(takeToken(null, 0, limits)).toEqual({ allowed: true, retryAfterMs: 0, state: { tokens: 19, updatedAt: 0 } });
  });

  it('refills at the rate: an empty bucket allows 10 more after one second', () => {
    const empty = burst(null, 0, 20).state;
    expect(burst(empty, 1000, 15).allowed).toBe(10);
    expect(burst(empty, 500, 15).allowed).toBe(5);
  });

  it('never holds more than the burst, however long it rests', () => {
    const empty = burst(null, 0, 20).state;
    expect(burst(empty, 3_600_000, 100).allowed).toBe(20);
  });

  it('sustains the rate when requests are spread out', () => {
    let state = burst(null, 0, 20).state;
    let allowed = 0;
    for (let at = 100; at <= 10_000; at += 100) {
      const decision = takeToken(state, at, limits);
      state = decision.state;
      if (decision.allowed) allowed += 1;
    }
    expect(allowed).toBe(100);
  });

  it('retry-after is the time until a whole token is back, and a retry then succeeds', () => {
    const slow = { perSecond: 1, burst: 1 };
    const first = takeToken(null, 0, slow);
    const refused = takeToken(first.state, 250, slow);
    expect(refused).toMatchObject({ allowed: false, retryAfterMs: 750 });
    expect(takeToken(refused.state, 999, slow).allowed).toBe(false);
    expect(takeToken(refused.state, 250 + refused.retryAfterMs, slow).allowed).toBe(true);
  });

  it('a clock that steps back refills nothing', () => {
    const empty = burst(null, 10_000, 20).state;
    expect(takeToken(empty, 5_000, limits)).toMatchObject({ allowed: false, retryAfterMs: 100 });
  });
});
