import { Inject, Injectable } from '@nestjs/common';
import { defineReadModel, READ_MODEL_STORE, type ReadModelCollection, type ReadModelStore } from '@portal/read-models';
import { SignInThrottledError } from '../identity.errors';

/** Failed sign-ins counted in a fixed window, per email (keyed by its digest) and per source IP. */
export interface FailureWindowDoc {
  readonly failures: number;
  /** Epoch milliseconds. */
  readonly windowEndsAt: number;
}

export const signInFailuresModel = defineReadModel<FailureWindowDoc>({ name: 'identity_sign_in_failures' });

export const SIGN_IN_THROTTLE = {
  windowMs: 15 * 60_000,
  /** Failures allowed per email in a window; the next attempt is refused until it ends. */
  perAccount: 5,
  perSourceIp: 20,
} as const;

export interface ThrottleKeys {
  readonly emailKey: string;
  readonly sourceIp: string | null;
}

const keysOf = ({ emailKey, sourceIp }: ThrottleKeys): [string, number][] => [
  [`account:${emailKey}`, SIGN_IN_THROTTLE.perAccount],
  ...(sourceIp ? [[`ip:${sourceIp}`, SIGN_IN_THROTTLE.perSourceIp] as [string, number]] : []),
];

/**
 * Throttles sign-in: after 5 failures for one email, or 20 from one IP, within 15 minutes,
 * further attempts are refused with 429 and Retry-After until the window ends. Unknown emails
 * are counted like known ones, so a 429 says nothing about whether an account exists.
 */
@Injectable()
export class SignInThrottle {
  private collection: Promise<ReadModelCollection<FailureWindowDoc>> | null = null;

  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  async assertAllowed(keys: ThrottleKeys, now: Date): Promise<void> {
    const docs = await this.docs();
    let waitMs = 0;
    for (const [id, limit] of keysOf(keys)) {
      const window = await docs.get(id);
      if (window && window.windowEndsAt > now.getTime() && window.failures >= limit) {
        waitMs = Math.max(waitMs, window.windowEndsAt - now.getTime());
      }
    }
    if (waitMs > 0) throw new SignInThrottledError(Math.ceil(waitMs / 1000));
  }

  async recordFailure(keys: ThrottleKeys, now: Date): Promise<void> {
    const docs = await this.docs();
    for (const [id] of keysOf(keys)) {
      const window = await docs.get(id);
      if (window && window.windowEndsAt > now.getTime()) {
        await docs.patch(id, { $inc: { failures: 1 } });
      } else {
        await docs.upsert(id, { failures: 1, windowEndsAt: now.getTime() + SIGN_IN_THROTTLE.windowMs });
      }
    }
  }

  /** A successful sign-in forgives the email's failures (not the IP's). */
  async forgiveAccount(emailKey: string): Promise<void> {
    await (await this.docs()).delete(`account:${emailKey}`);
  }

  private docs(): Promise<ReadModelCollection<FailureWindowDoc>> {
    this.collection ??= this.store.collection(signInFailuresModel);
    return this.collection;
  }
}
