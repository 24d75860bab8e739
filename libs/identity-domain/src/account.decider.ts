import { assertNever, type Decider, streamCategory } from '@portal/event-sourcing/domain';
import type { AccountCommand, RegisterAccount } from './account.commands';
import { IdentityErrorCode, identityError } from './account.errors';
import type { AccountEvent } from './account.events';
import type { AccountState } from './account.state';
import { normalizeEmail } from './email-address';

/** The longest display name an account may have, in characters. */
export const MAX_DISPLAY_NAME_LENGTH = 100;

function decideRegisterAccount(command: RegisterAccount, state: AccountState): AccountEvent[] {
  if (state.status !== 'none') {
    throw identityError(IdentityErrorCode.ACCOUNT_ALREADY_EXISTS, 'This account already exists');
  }
  const displayName = command.displayName.trim();
  if (displayName === '' || [...displayName].length > MAX_DISPLAY_NAME_LENGTH) {
    throw identityError(
      IdentityErrorCode.INVALID_DISPLAY_NAME,
      `A display name has 1 to ${MAX_DISPLAY_NAME_LENGTH} characters`,
    );
  }
  const { userId, email, now } = command;
  return [
    { type: 'AccountRegistered', data: { userId, email: normalizeEmail(email), displayName, registeredAt: now } },
  ];
}

function decideAccount(command: AccountCommand, state: AccountState): AccountEvent[] {
  switch (command.type) {
    case 'RegisterAccount':
      return decideRegisterAccount(command, state);
    default:
      return assertNever(command.type, 'account command');
  }
}

function evolveAccount(_state: AccountState, event: AccountEvent): AccountState {
  switch (event.type) {
    case 'AccountRegistered':
      return { status: 'active', ...event.data };
    default:
      return assertNever(event.type, 'account event');
  }
}

/** A partner account: who a person is. Stream `account-<userId>`. */
export const accountDecider: Decider<AccountCommand, AccountEvent, AccountState> = {
  decide: decideAccount,
  evolve: evolveAccount,
  initialState: () => ({ status: 'none' }),
};

/** The stream of each account: `account-<userId>`. */
export const accountStreams = streamCategory('account');
