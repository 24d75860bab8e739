import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  EVENT_STORE,
  type EventMetadata,
  type EventStore,
  handleCommand,
  uuidv7,
} from '@portal/event-sourcing';
import {
  accountDecider,
  accountStreams,
  emailReservationDecider,
  emailReservationStreams,
  explainPasswordProblem,
  IdentityErrorCode,
  normalizeEmail,
  passwordProblem,
} from '@portal/identity-domain';
import { CredentialsStore } from '../accounts/credentials.store';
import { emailKey } from '../accounts/email-key';
import { WeakPasswordError } from '../identity.errors';
import { commonPasswords } from '../passwords/common-passwords';
import { PasswordHasher } from '../passwords/password-hasher';

export interface SignUp {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
}

/**
 * Signs a person up: checks the password policy, hashes the password, reserves the email
 * (stream `email-<digest>`, first come first served), records AccountRegistered, then stores
 * the credentials. When the email already belongs to an account nothing is created and
 * nothing is said: the caller answers the same either way, after the same argon2 work.
 */
@Injectable()
export class SignUpHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly hasher: PasswordHasher,
    private readonly credentials: CredentialsStore,
  ) {}

  async handle(command: SignUp, metadataFor: (userId: string) => EventMetadata): Promise<void> {
    const problem = passwordProblem(command.password, commonPasswords());
    if (problem !== null) throw new WeakPasswordError(explainPasswordProblem(problem));
    const passwordHash = await this.hasher.hash(command.password);
    const now = new Date();
    const userId = uuidv7(now);
    const metadata = metadataFor(userId);
    if (!(await this.reserveEmail(command.email, userId, now, metadata))) return;
    const { state } = await handleCommand({
      store: this.store,
      streamName: accountStreams.streamName(userId),
      decider: accountDecider,
      command: {
        type: 'RegisterAccount',
        userId,
        email: command.email,
        displayName: command.displayName,
        now: now.toISOString(),
      },
      metadata,
    });
    if (state.status !== 'active') throw new Error(`account ${userId} was not registered`);
    const { email, displayName, registeredAt } = state;
    await this.credentials.save({ userId, email, displayName, passwordHash, registeredAt });
  }

  /** True when the email is now this account's; false when another account holds it. */
  private async reserveEmail(email: string, userId: string, now: Date, metadata: EventMetadata): Promise<boolean> {
    try {
      await handleCommand({
        store: this.store,
        streamName: emailReservationStreams.streamName(emailKey(normalizeEmail(email))),
        decider: emailReservationDecider,
        command: { type: 'ReserveEmail', userId, now: now.toISOString() },
        metadata,
      });
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === IdentityErrorCode.EMAIL_ALREADY_RESERVED) return false;
      throw error;
    }
  }
}
