import { Injectable } from '@nestjs/common';
import type { RequestClient } from '@portal/platform';
import { CredentialsStore } from '../accounts/credentials.store';
import { UserActivityRecorder } from '../activity/user-activity.recorder';
import { emailKey } from '../accounts/email-key';
import { InvalidCredentialsError } from '../identity.errors';
import { PasswordHasher } from '../passwords/password-hasher';
import { type NewSession, SessionsStore } from '../sessions/sessions.store';
import { SignInThrottle } from '../throttling/sign-in-throttle';

export interface SignIn {
  readonly email: string;
  readonly password: string;
  /** The session the browser still holds, ended in favour of the new one. */
  readonly previousToken: string | null;
}

export interface SignedIn extends NewSession {
  readonly account: { readonly userId: string; readonly email: string; readonly displayName: string };
}

/**
 * Signs a person in: throttle check, credential check (an unknown email costs the same
 * argon2 work as a wrong password and gets the same error), then a new session. A new token
 * is issued at every sign-in, so a token planted before sign-in is worth nothing.
 */
@Injectable()
export class SignInHandler {
  constructor(
    private readonly credentials: CredentialsStore,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
    private readonly sessions: SessionsStore,
    private readonly activity: UserActivityRecorder,
  ) {}

  async handle(command: SignIn, client: RequestClient): Promise<SignedIn> {
    const now = new Date();
    const keys = { emailKey: emailKey(command.email), sourceIp: client.sourceIp };
    await this.throttle.assertAllowed(keys, now);
    const account = await this.credentials.findByEmail(command.email);
    const valid = account
      ? await this.hasher.verify(account.passwordHash, command.password)
      : await this.hasher.verifyNothing(command.password);
    if (!account || !valid) {
      await this.throttle.recordFailure(keys, now);
      throw new InvalidCredentialsError();
    }
    await this.throttle.forgiveAccount(keys.emailKey);
    if (command.previousToken !== null) await this.sessions.revoke(command.previousToken);
    const opened = await this.sessions.open(account.userId, now, client);
    await this.activity.record(account.userId, now);
    const { userId, email, displayName } = account;
    return { ...opened, account: { userId, email, displayName } };
  }
}
