import type { ApiKeyLimits, ExistingApiKey } from '@portal/keys-domain';
import { cachedKeyOf } from '../key-cache/cached-key';
import { admitCall, CallLimiter, clientAddressOf, NO_USAGE, remainingQuota, retryAfterSeconds } from './call-limits';

const NOW = Date.parse('2026-05-10T12:00:00.000Z');

const keyWith = (limits: ApiKeyLimits, overrides: Partial<ExistingApiKey> = {}) =>
  cachedKeyOf({
    key: {
      keyId: 'key-1',
      teamId: 'team-1',
      name: 'n',
      description: '',
      environment: 'production',
      secretHash: 'a'.repeat(64),
      hint: 'h',
      createdAt: '2026-01-01T00:00:00.000Z',
      expiresAt: null,
      limits,
      rolledFrom: null,
      roll: null,
      status: 'active',
      ...overrides,
    } as ExistingApiKey,
    revision: 0,
  });

describe('admitCall', () => {
  it('lets a key without limits through', () => {
    expect(admitCall(keyWith({}), NO_USAGE, '198.51.100.1', NOW).verdict).toEqual({ outcome: 'allowed' });
  });

  it('refuses a key past its expiry as unauthenticated', () => {
    const key = keyWith({}, { expiresAt: '2026-05-10T12:00:00.000Z' });

    expect(admitCall(key, NO_USAGE, '198.51.100.1', NOW).verdict).toEqual({ outcome: 'unauthenticated' });
  });

  it('refuses a source outside the allowlist before counting anything', () => {
    const key = keyWith({ allowlist: ['203.0.113.0/24'], quota: { period: 'day', requests: 1 } });

    const { verdict, usage } = admitCall(key, NO_USAGE, '198.51.100.1', NOW);

    expect(verdict).toEqual({ outcome: 'forbidden_network' });
    expect(usage).toBe(NO_USAGE);
  });

  it('refuses over the rate with the wait for the next token, and takes no quota then', () => {
    const key = keyWith({ rate: { perSecond: 2, burst: 1 }, quota: { period: 'day', requests: 10 } });
    const first = admitCall(key, NO_USAGE, '198.51.100.1', NOW);

    const second = admitCall(key, first.usage, '198.51.100.1', NOW + 100);

    expect(second.verdict).toEqual({ outcome: 'rate_limited', retryAfterSeconds: 1 });
    expect(second.usage.quota?.used).toBe(1);
  });

  it('refuses over the monthly quota until the first of the next month', () => {
    const key = keyWith({ quota: { period: 'month', requests: 1 } });
    const first = admitCall(key, NO_USAGE, '198.51.100.1', NOW);

    const second = admitCall(key, first.usage, '198.51.100.1', NOW);

    const untilJune = (Date.parse('2026-06-01T00:00:00.000Z') - NOW) / 1000;
    expect(second.verdict).toEqual({ outcome: 'quota_exceeded', retryAfterSeconds: untilJune });
  });
});

describe('CallLimiter', () => {
  it("counts each key's calls and tells the quota left without consuming it", () => {
    const limiter = new CallLimiter();
    const key = keyWith({ quota: { period: 'day', requests: 3 } });

    limiter.admit(key, '198.51.100.1', NOW);

    expect(limiter.remaining(key, NOW)).toBe(2);
    expect(limiter.remaining(key, NOW)).toBe(2);
    expect(limiter.remaining(key, NOW + 86_400_000)).toBe(3);
    expect(remainingQuota(keyWith({}), NO_USAGE, NOW)).toBeNull();
  });
});

describe('clientAddressOf and retryAfterSeconds', () => {
  it('reads an IPv4 address mapped into IPv6 as IPv4', () => {
    expect(clientAddressOf('::ffff:203.0.113.9')?.version).toBe(4);
    expect(clientAddressOf('2001:db8::1')?.version).toBe(6);
    expect(clientAddressOf('not an address')).toBeNull();
  });

  it('rounds a wait up to whole seconds, at least one', () => {
    expect(retryAfterSeconds(0)).toBe(1);
    expect(retryAfterSeconds(1_001)).toBe(2);
  });
});
