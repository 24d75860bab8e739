import { BusError } from '../bus.errors';
import type { MessageHandler, SubscribeOptions } from '../bus.port';
import { assertValidTopic, isDeadLetterTopic } from '../topics';
import { RetryPolicy } from './retry-policy';

const GROUP_NAME = /^[A-Za-z0-9._-]{1,200}$/;

/** Subscribe options checked, with their defaults applied. */
export interface SubscriptionSettings {
  readonly topic: string;
  readonly group: string;
  readonly handler: MessageHandler;
  readonly retry: RetryPolicy;
}

/** Checks subscribe options (BUS.INVALID_TOPIC, BUS.INVALID_SUBSCRIPTION) and applies defaults. */
export function subscriptionSettings(options: SubscribeOptions): SubscriptionSettings {
  assertValidTopic(options.topic);
  if (typeof options.group !== 'string' || !GROUP_NAME.test(options.group)) {
    throw new BusError(
      'BUS.INVALID_SUBSCRIPTION',
      `Group ${JSON.stringify(options.group)} must be 1 to 200 letters, digits, '.', '_' or '-'`,
      { group: String(options.group) },
    );
  }
  if (typeof options.handler !== 'function') {
    throw new BusError('BUS.INVALID_SUBSCRIPTION', 'handler must be a function', { group: options.group });
  }
  const retry = new RetryPolicy(options.maxAttempts, options.backoff, !isDeadLetterTopic(options.topic));
  return { topic: options.topic, group: options.group, handler: options.handler, retry };
}
