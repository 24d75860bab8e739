import { errorText } from '../bus-logger';
import type { DeliveredMessage } from '../bus.port';
import type { EncodedMessage } from './message-validation';

/**
 * Headers a dead-lettered message carries besides its own: why it failed, where it came from,
 * which group gave up on it, after how many deliveries, and when.
 */
export const DEAD_LETTER_HEADERS = {
  error: 'x-dlq-error',
  errorCode: 'x-dlq-error-code',
  originalTopic: 'x-dlq-original-topic',
  originalPartition: 'x-dlq-original-partition',
  originalOffset: 'x-dlq-original-offset',
  originalPublishedAt: 'x-dlq-original-published-at',
  group: 'x-dlq-group',
  attempts: 'x-dlq-attempts',
  failedAt: 'x-dlq-failed-at',
} as const;

export interface DeadLetterReason {
  readonly group: string;
  readonly error: unknown;
  readonly attempts: number;
  readonly failedAt: Date;
}

const codeOf = (error: unknown): string | undefined => {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
};

/** The message to publish to the dead-letter topic: the original key, value and headers, plus why. */
export function deadLetterMessage(message: DeliveredMessage, reason: DeadLetterReason): EncodedMessage {
  const code = codeOf(reason.error);
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [DEAD_LETTER_HEADERS.error]: errorText(reason.error),
      ...(code === undefined ? {} : { [DEAD_LETTER_HEADERS.errorCode]: code }),
      [DEAD_LETTER_HEADERS.originalTopic]: message.topic,
      [DEAD_LETTER_HEADERS.originalPartition]: String(message.partition),
      [DEAD_LETTER_HEADERS.originalOffset]: message.offset,
      [DEAD_LETTER_HEADERS.originalPublishedAt]: message.publishedAt.toISOString(),
      [DEAD_LETTER_HEADERS.group]: reason.group,
      [DEAD_LETTER_HEADERS.attempts]: String(reason.attempts),
      [DEAD_LETTER_HEADERS.failedAt]: reason.failedAt.toISOString(),
    },
  };
}
