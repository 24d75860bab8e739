import type { DeliveredMessage } from '../bus.port';
import { DEAD_LETTER_HEADERS, deadLetterMessage } from './dead-letter';

const message: DeliveredMessage = {
  topic: 'portal.keys.events',
  key: 'key-7',
  value: Buffer.from('{"type":"ApiKeyRevoked"}'),
  headers: { 'event-type': 'ApiKeyRevoked' },
  partition: 2,
  offset: '41',
  publishedAt: new Date('2026-03-01T10:00:00Z'),
  attempt: 5,
};

describe('dead letter', () => {
  it('keeps key, value and headers and adds why, where from, by whom and when', () => {
    const error = Object.assign(new TypeError('payload\n  is not valid'), { code: 'KEY.BAD_PAYLOAD' });
    const failedAt = new Date('2026-03-01T10:00:03Z');
    const letter = deadLetterMessage(message, { group: 'keys-projection', error, attempts: 5, failedAt });
    expect(letter.key).toBe('key-7');
    expect(letter.value).toBe(message.value);
    expect(letter.headers).toEqual({
      'event-type': 'ApiKeyRevoked',
      [DEAD_LETTER_HEADERS.error]: 'TypeError: payload is not valid',
      [DEAD_LETTER_HEADERS.errorCode]: 'KEY.BAD_PAYLOAD',
      [DEAD_LETTER_HEADERS.originalTopic]: 'portal.keys.events',
      [DEAD_LETTER_HEADERS.originalPartition]: '2',
      [DEAD_LETTER_HEADERS.originalOffset]: '41',
      [DEAD_LETTER_HEADERS.originalPublishedAt]: '2026-03-01T10:00:00.000Z',
      [DEAD_LETTER_HEADERS.group]: 'keys-projection',
      [DEAD_LETTER_HEADERS.attempts]: '5',
      [DEAD_LETTER_HEADERS.failedAt]: '2026-03-01T10:00:03.000Z',
    });
  });

  it('describes errors that are not Error objects and shortens long ones', () => {
    const failedAt = new Date();
    const thrown = deadLetterMessage(message, { group: 'g', error: 'x'.repeat(5000), attempts: 1, failedAt });
    expect(thrown.headers[DEAD_LETTER_HEADERS.error]).toHaveLength(1000);
    expect(thrown.headers[DEAD_LETTER_HEADERS.errorCode]).toBeUndefined();
  });
});
