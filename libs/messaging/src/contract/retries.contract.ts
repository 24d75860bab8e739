import { DEAD_LETTER_HEADERS } from '../delivery/dead-letter';
import { deadLetterTopic } from '../topics';
import {
  FAST_BACKOFF,
  Inbox,
  text,
  uniqueGroup,
  uniqueTopic,
  useBus,
  waitUntil,
  type MakeBus,
} from './bus-fixtures.contract';

class HandlerRefused extends Error {
  readonly code = 'TEST.REFUSED';
}

export function retriesContract(makeBus: MakeBus, waitMs: number): void {
  describe('retries and dead letters', () => {
    const { bus, subscribe } = useBus(makeBus);

    it('redelivers a failing message with backoff, attempt counted, before any later message of its key', async () => {
      const topic = uniqueTopic();
      const inbox = new Inbox((message) => {
        if (text(message) === 'b' && message.attempt <= 2) throw new Error('projection store unavailable');
      });
      await subscribe({ topic, group: uniqueGroup('retry'), handler: inbox.handler, backoff: FAST_BACKOFF });
      await bus().publish(
        topic,
        ['a', 'b', 'c'].map((value) => ({ key: 'stream-1', value })),
      );
      await waitUntil('c arrived', () => inbox.values().includes('c'), waitMs);
      expect(inbox.received.map((m) => `${text(m)}#${m.attempt}`)).toEqual(['a#1', 'b#1', 'b#2', 'b#3', 'c#1']);
      expect(new Set(inbox.received.map((m) => m.offset)).size).toBe(3);
    });

    it('dead-letters a message that keeps failing, with why and where from, then goes on', async () => {
      const topic = uniqueTopic();
      const group = uniqueGroup('poisoned');
      const inbox = new Inbox((message) => {
        if (text(message) === 'poison') throw new HandlerRefused('cannot parse payload');
      });
      const maxAttempts = 3;
      await subscribe({ topic, group, handler: inbox.handler, maxAttempts, backoff: FAST_BACKOFF });
      await bus().publish(topic, [
        { key: 'stream-1', value: 'poison', headers: { 'event-type': 'Broken' } },
        { key: 'stream-1', value: 'after' },
      ]);
      await waitUntil('the later message arrived', () => inbox.values().includes('after'), waitMs);
      expect(inbox.values()).toEqual(['poison', 'poison', 'poison', 'after']);

      const letters = new Inbox();
      await subscribe({ topic: deadLetterTopic(topic), group: uniqueGroup('dlq-reader'), handler: letters.handler });
      await waitUntil('the dead letter arrived', () => letters.received.length === 1, waitMs);
      const [letter] = letters.received;
      const original = inbox.received[0];
      expect(letter).toMatchObject({ topic: deadLetterTopic(topic), key: 'stream-1' });
      expect(letter && text(letter)).toBe('poison');
      expect(letter?.headers).toMatchObject({
        'event-type': 'Broken',
        [DEAD_LETTER_HEADERS.error]: 'Error: cannot parse payload',
        [DEAD_LETTER_HEADERS.errorCode]: 'TEST.REFUSED',
        [DEAD_LETTER_HEADERS.originalTopic]: topic,
        [DEAD_LETTER_HEADERS.originalPartition]: String(original?.partition),
        [DEAD_LETTER_HEADERS.originalOffset]: original?.offset,
        [DEAD_LETTER_HEADERS.group]: group,
        [DEAD_LETTER_HEADERS.attempts]: String(maxAttempts),
      });
      const failedAt = Date.parse(letter?.headers[DEAD_LETTER_HEADERS.failedAt] ?? '');
      expect(Math.abs(failedAt - Date.now())).toBeLessThan(60_000);
    });

    it('retries a dead-letter topic subscriber past maxAttempts, since there is no further hop', async () => {
      const dlq = deadLetterTopic(uniqueTopic());
      const inbox = new Inbox((message) => {
        if (message.attempt < 4) throw new Error('still failing');
      });
      await subscribe({
        topic: dlq,
        group: uniqueGroup('dlq-retry'),
        handler: inbox.handler,
        maxAttempts: 2,
        backoff: FAST_BACKOFF,
      });
      await bus().publish(dlq, [
        { key: 'k', value: 'letter' },
        { key: 'k', value: 'next' },
      ]);
      await waitUntil('the next letter was handled', () => inbox.received.length >= 8, waitMs);
      expect(inbox.received.map((m) => `${text(m)}#${m.attempt}`)).toEqual([
        'letter#1',
        'letter#2',
        'letter#3',
        'letter#4',
        'next#1',
        'next#2',
        'next#3',
        'next#4',
      ]);
    });
  });
}
