import { deciderSpecification, foldEvents } from '@portal/event-sourcing/domain';
import { apiKeyDecider } from './api-key.decider';
import type { ApiKeyEvent } from './api-key.events';
import { created, expired, IN_30_DAYS, KEY, revoked, rolled, TEAM } from './api-key.fixtures';
import type { ExpiryWarning } from './expiry-warnings';

const spec = deciderSpecification(apiKeyDecider);

/** 6 days and 12 hours before IN_30_DAYS: inside the 7-day window, outside the 1-day one. */
const SIX_DAYS_LEFT = '2026-12-13T22:00:00.000Z';
/** 12 hours before IN_30_DAYS. */
const HALF_DAY_LEFT = '2026-12-19T22:00:00.000Z';

const warn = (warning: ExpiryWarning, now: string) =>
  ({ type: 'RecordExpiryWarning', keyId: KEY, warning, recipients: ['owner-1', 'admin-1'], now }) as const;

const warned = (warning: ExpiryWarning, sentAt: string): ApiKeyEvent => ({
  type: 'ApiKeyExpiryWarningSent',
  data: { keyId: KEY, teamId: TEAM, warning, expiresAt: IN_30_DAYS, recipients: ['owner-1', 'admin-1'], sentAt },
});

describe('expiry warnings the scheduler records', () => {
  it('records the 7-day warning within 7 days of expiry, and the 1-day warning within a day', () => {
    spec
      .given([created()])
      .when(warn('7d', SIX_DAYS_LEFT))
      .then([warned('7d', SIX_DAYS_LEFT)]);
    spec
      .given([created(), warned('7d', SIX_DAYS_LEFT)])
      .when(warn('1d', HALF_DAY_LEFT))
      .then([warned('1d', HALF_DAY_LEFT)]);
  });

  it('records each warning once', () => {
    spec
      .given([created(), warned('7d', SIX_DAYS_LEFT)])
      .when(warn('7d', SIX_DAYS_LEFT))
      .thenNothingHappens();
    spec
      .given([created(), warned('1d', HALF_DAY_LEFT)])
      .when(warn('1d', HALF_DAY_LEFT))
      .thenNothingHappens();
  });

  it('refuses a warning before its time, and one for a key that never expires', () => {
    spec.given([created()]).when(warn('7d', '2026-12-01T10:00:00.000Z')).thenThrows('KEY.NOT_DUE');
    spec.given([created()]).when(warn('1d', SIX_DAYS_LEFT)).thenThrows('KEY.NOT_DUE');
    const never = { type: 'ApiKeyCreated', data: { ...created().data, expiresAt: null } } as ApiKeyEvent;
    spec.given([never]).when(warn('7d', SIX_DAYS_LEFT)).thenThrows('KEY.NOT_DUE');
    spec.given([]).when(warn('7d', SIX_DAYS_LEFT)).thenThrows('KEY.NOT_FOUND');
  });

  it('warns about no key that has stopped working', () => {
    spec.given([created(), revoked()]).when(warn('7d', SIX_DAYS_LEFT)).thenNothingHappens();
    spec.given([created(), expired()]).when(warn('1d', HALF_DAY_LEFT)).thenNothingHappens();
    spec
      .given([created(), rolled('2026-12-01T10:00:00.000Z')])
      .when(warn('7d', SIX_DAYS_LEFT))
      .thenNothingHappens();
  });

  it('keeps the warnings sent in the key state', () => {
    const state = foldEvents(apiKeyDecider, [created(), warned('7d', SIX_DAYS_LEFT), warned('1d', HALF_DAY_LEFT)]);
    expect(state).toMatchObject({ status: 'active', expiryWarningsSent: ['7d', '1d'] });
  });
});
