import { deciderSpecification } from '@portal/event-sourcing/domain';
import type { TeamRole } from '@portal/teams-domain';
import type { ApiKeyLimits } from './api-key-limits';
import { apiKeyDecider } from './api-key.decider';
import type { ApiKeyEvent } from './api-key.events';
import { acting, created, expired, KEY, LATER, revoked, TEAM } from './api-key.fixtures';

const spec = deciderSpecification(apiKeyDecider);

const change = (limits: ApiKeyLimits, role: TeamRole = 'admin') =>
  ({ type: 'ChangeApiKeyLimits', ...acting(role), limits }) as const;

const changed = (limits: ApiKeyLimits): ApiKeyEvent => ({
  type: 'ApiKeyLimitsChanged',
  data: { keyId: KEY, teamId: TEAM, limits, changedBy: 'admin-1', changedAt: LATER },
});

const ALL: ApiKeyLimits = {
  rate: { perSecond: 10, burst: 50 },
  quota: { period: 'month', requests: 1_000_000 },
  allowlist: ['203.0.113.0/24', '2001:db8::/32', '198.51.100.7'],
};

describe('changing limits', () => {
  it('an Admin sets a rate with burst, a quota and an allowlist', () => {
    spec
      .given([created()])
      .when(change(ALL))
      .then([changed(ALL)]);
  });

  it('limits are cleared by leaving them out; an empty allowlist is no allowlist', () => {
    spec
      .given([created(ALL)])
      .when(change({ quota: ALL.quota, allowlist: [] }))
      .then([changed({ quota: ALL.quota })]);
    spec
      .given([created(ALL)])
      .when(change({}))
      .then([changed({})]);
  });

  it('the same limits change nothing', () => {
    spec
      .given([created(ALL)])
      .when(change({ ...ALL, allowlist: [...(ALL.allowlist ?? [])] }))
      .thenNothingHappens();
    spec
      .given([created()])
      .when(change({ allowlist: [] }))
      .thenNothingHappens();
  });

  it('a Member cannot change limits', () => {
    spec.given([created()]).when(change(ALL, 'member')).thenThrows('KEY.FORBIDDEN');
  });

  it.each<[string, ApiKeyLimits]>([
    ['a rate below 1 per second', { rate: { perSecond: 0, burst: 10 } }],
    ['a fractional rate', { rate: { perSecond: 1.5, burst: 10 } }],
    ['a burst below 1', { rate: { perSecond: 5, burst: 0 } }],
    ['a quota of 0', { quota: { period: 'day', requests: 0 } }],
    ['an unknown quota period', { quota: { period: 'week' as 'day', requests: 10 } }],
    ['an entry that is not an address', { allowlist: ['example.com'] }],
    ['a block with host bits set', { allowlist: ['203.0.113.7/24'] }],
    ['a duplicate entry', { allowlist: ['10.0.0.0/8', '10.0.0.0/8'] }],
    ['over 100 entries', { allowlist: Array.from({ length: 101 }, (_, index) => `10.0.${index}.0/24`) }],
  ])('refuses %s', (_, limits) => {
    spec.given([created()]).when(change(limits)).thenThrows('KEY.INVALID_LIMITS');
  });

  it('names the field at fault', () => {
    const error = spec
      .given([created()])
      .when(change({ allowlist: ['10.0.0.0/8', 'nope'] }))
      .thenThrows('KEY.INVALID_LIMITS');
    expect(error.details).toMatchObject({ field: 'allowlist[1]' });
  });

  it('a revoked or expired key keeps its limits', () => {
    spec.given([created(), revoked()]).when(change(ALL)).thenThrows('KEY.ALREADY_REVOKED');
    spec.given([created(), expired()]).when(change(ALL)).thenThrows('KEY.EXPIRED');
  });
});
