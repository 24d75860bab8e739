import type { OutgoingMessage } from '../bus.port';
import { Inbox, uniqueGroup, uniqueTopic, useBus, waitUntil, type MakeBus } from './bus-fixtures.contract';

const KEYS = 25;
const PER_KEY = 12;

/** Messages of many keys, interleaved: for each round, one message of every key. */
function interleaved(): OutgoingMessage[] {
  const messages: OutgoingMessage[] = [];
  for (let seq = 0; seq < PER_KEY; seq += 1) {
    for (let key = 0; key < KEYS; key += 1) messages.push({ key: `stream-${key}`, value: `stream-${key}:${seq}` });
  }
  return messages;
}

const expectedPerKey = (key: string): string[] => Array.from({ length: PER_KEY }, (_, seq) => `${key}:${seq}`);

export function orderingContract(makeBus: MakeBus, waitMs: number): void {
  describe('order per key', () => {
    const { bus, subscribe } = useBus(makeBus);

    it('delivers the messages of each key in publish order, many keys interleaved, each once', async () => {
      const topic = uniqueTopic();
      const messages = interleaved();
      const inbox = new Inbox();
      await subscribe({ topic, group: uniqueGroup('order'), handler: inbox.handler });
      // Batches of different sizes, some single messages, and some published while consuming.
      const batches = [messages.slice(0, 1), messages.slice(1, 40), messages.slice(40, 41), messages.slice(41, 170)];
      for (const batch of batches) await bus().publish(topic, batch);
      for (const message of messages.slice(170)) await bus().publish(topic, [message]);

      await waitUntil('every message arrived', () => inbox.received.length >= messages.length, waitMs);
      const byKey = inbox.byKey();
      expect(byKey.size).toBe(KEYS);
      for (const [key, values] of byKey) expect(values).toEqual(expectedPerKey(key));
    });

    it('keeps messages of one key in one partition', async () => {
      const topic = uniqueTopic();
      const inbox = new Inbox();
      await bus().publish(topic, interleaved().slice(0, KEYS * 3));
      await subscribe({ topic, group: uniqueGroup('partition'), handler: inbox.handler });
      await waitUntil('every message arrived', () => inbox.received.length === KEYS * 3, waitMs);
      const partitionsOfKey = new Map<string, Set<number>>();
      for (const { key, partition } of inbox.received) {
        partitionsOfKey.set(key, (partitionsOfKey.get(key) ?? new Set()).add(partition));
      }
      for (const partitions of partitionsOfKey.values()) expect(partitions.size).toBe(1);
      expect(new Set(inbox.received.map((message) => message.partition)).size).toBeGreaterThan(1);
    });
  });
}
