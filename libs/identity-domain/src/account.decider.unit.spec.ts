import { deciderSpecification } from '@portal/event-sourcing/domain';
import { accountDecider, accountStreams } from './account.decider';
import type { AccountEvent } from './account.events';

const spec = deciderSpecification(accountDecider);
const NOW = '2026-11-20T10:00:00.000Z';

const register = (overrides: Partial<{ email: string; displayName: string }> = {}) => ({
  type: 'RegisterAccount' as const,
  userId: 'user-1',
  email: 'Ada@Example.COM ',
  displayName: ' Ada Lovelace ',
  now: NOW,
  ...overrides,
});

const registered: AccountEvent = {
  type: 'AccountRegistered',
  data: { userId: 'user-1', email: 'ada@example.com', displayName: 'Ada Lovelace', registeredAt: NOW },
};

describe('registering an account', () => {
  it('records the account with its normalized email and trimmed display name', () => {
    spec.given([]).when(register()).then([registered]);
  });

  it('cannot register the same account twice', () => {
    spec.given([registered]).when(register()).thenThrows('IDENTITY.ACCOUNT_ALREADY_EXISTS');
  });

  it('refuses a display name that is blank or longer than 100 characters', () => {
    spec
      .given([])
      .when(register({ displayName: '   ' }))
      .thenThrows('IDENTITY.INVALID_DISPLAY_NAME');
    spec
      .given([])
      .when(register({ displayName: 'x'.repeat(101) }))
      .thenThrows('IDENTITY.INVALID_DISPLAY_NAME');
  });

  it('counts a display name in characters, not UTF-16 units', () => {
    const hundredEmoji = '😀'.repeat(100);
    spec
      .given([])
      .when(register({ displayName: hundredEmoji }))
      .then([{ ...registered, data: { ...registered.data, displayName: hundredEmoji } }]);
  });

  it('keeps no secret in the event', () => {
    const [event] = accountDecider.decide(register(), accountDecider.initialState());
    expect(Object.keys(event?.data ?? {}).sort()).toEqual(['displayName', 'email', 'registeredAt', 'userId']);
  });

  it('lives in the stream account-<userId>', () => {
    expect(accountStreams.streamName('user-1')).toBe('account-user-1');
  });
});
