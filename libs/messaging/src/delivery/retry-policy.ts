import { BusError } from '../bus.errors';
import type { BackoffOptions } from '../bus.port';

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_BACKOFF: Required<BackoffOptions> = { initialMs: 100, maxMs: 30_000, multiplier: 2 };

function checkNumber(name: string, value: number, min: number): number {
  if (!Number.isFinite(value) || value < min) {
    throw new BusError('BUS.INVALID_SUBSCRIPTION', `${name} must be a number >= ${min}, got ${value}`, {
      [name]: value,
    });
  }
  return value;
}

/**
 * How often a subscriber tries one message and how long it waits in between. After
 * `maxAttempts` failed deliveries the message is dead-lettered, unless the subscriber reads a
 * dead-letter topic: then it keeps retrying at the longest delay, since there is no further hop.
 */
export class RetryPolicy {
  readonly maxAttempts: number;
  private readonly backoff: Required<BackoffOptions>;

  constructor(
    maxAttempts: number = DEFAULT_MAX_ATTEMPTS,
    backoff: BackoffOptions = {},
    readonly deadLetters = true,
  ) {
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
      throw new BusError('BUS.INVALID_SUBSCRIPTION', `maxAttempts must be an integer >= 1, got ${maxAttempts}`, {
        maxAttempts,
      });
    }
    this.maxAttempts = maxAttempts;
    const initialMs = checkNumber('backoff.initialMs', backoff.initialMs ?? DEFAULT_BACKOFF.initialMs, 0);
    const maxMs = checkNumber('backoff.maxMs', backoff.maxMs ?? Math.max(DEFAULT_BACKOFF.maxMs, initialMs), initialMs);
    const multiplier = checkNumber('backoff.multiplier', backoff.multiplier ?? DEFAULT_BACKOFF.multiplier, 1);
    this.backoff = { initialMs, maxMs, multiplier };
  }

  /** The wait after the `attempt`-th failed delivery (1-based). */
  delayAfter(attempt: number): number {
    const { initialMs, maxMs, multiplier } = this.backoff;
    return Math.min(maxMs, initialMs * multiplier ** Math.max(0, attempt - 1));
  }

  /** Whether the `attempt`-th failure ends retrying and sends the message to the dead-letter topic. */
  exhausted(attempt: number): boolean {
    return this.deadLetters && attempt >= this.maxAttempts;
  }
}
