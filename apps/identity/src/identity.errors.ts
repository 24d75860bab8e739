import { CodedError } from '@portal/event-sourcing';

/** Unknown email or wrong password: one answer for both, so accounts cannot be enumerated (401). */
export class InvalidCredentialsError extends CodedError {
  readonly code = 'IDENTITY.INVALID_CREDENTIALS';
  constructor() {
    super('The email or the password is incorrect');
  }
}

/** Too many failed sign-ins for this email or from this network; try again later (429). */
export class SignInThrottledError extends CodedError {
  readonly code = 'IDENTITY.THROTTLED';
  constructor(readonly retryAfterSeconds: number) {
    super('Too many failed sign-in attempts; try again later', { retryAfterSeconds });
  }
}

/** The chosen password breaks the password policy (400, naming the field). */
export class WeakPasswordError extends CodedError {
  readonly code = 'IDENTITY.WEAK_PASSWORD';
  constructor(explanation: string) {
    super(`The password ${explanation}`, { errors: [{ field: 'password', message: `password ${explanation}` }] });
  }
}
