import type { RecordedEvent } from '../../domain/event-envelope';
import {
  collect,
  endOfLog,
  newEvent,
  uniqueStream,
  useStore,
  waitFor,
  type MakeEventStore,
} from './contract-fixtures.contract';

const numbers = (events: readonly RecordedEvent[]): unknown[] => events.map((e) => (e.data as { n: number }).n);

export function subscriptionContract(makeStore: MakeEventStore): void {
  const store = useStore(makeStore);

  describe('subscribe to all', () => {
    it('catches up from the checkpoint, then delivers new events live, each once and in order', async () => {
      const stream = uniqueStream();
      const start = await endOfLog(store());
      await store().append(
        stream,
        [0, 1, 2].map((n) => newEvent('ItemAdded', { n })),
      );
      const { events, subscription } = collect(store(), new Set([stream]), start);
      await waitFor('catch-up', () => events.length === 3);
      await store().append(stream, [newEvent('ItemAdded', { n: 3 })]);
      await store().append(stream, [newEvent('ItemAdded', { n: 4 })]);
      await waitFor('live events', () => events.length === 5);
      await expect(subscription.stop()).resolves.toEqual({ reason: 'stopped' });
      expect(numbers(events)).toEqual([0, 1, 2, 3, 4]);
      expect(events).toEqual(await store().readStream(stream));
    });

    it('misses nothing and repeats nothing when restarted from its checkpoint', async () => {
      const stream = uniqueStream();
      const streams = new Set([stream]);
      const start = await endOfLog(store());
      await store().append(
        stream,
        [0, 1, 2].map((n) => newEvent('ItemAdded', { n })),
      );
      const first = collect(store(), streams, start);
      await waitFor('the first three', () => first.events.length === 3);
      await first.subscription.stop();
      const checkpoint = first.checkpoint();
      for (const n of [3, 4, 5, 6]) await store().append(stream, [newEvent('ItemAdded', { n })]);
      const second = collect(store(), streams, checkpoint);
      await store().append(stream, [newEvent('ItemAdded', { n: 7 })]);
      await waitFor('the rest', () => second.events.length === 5);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await second.subscription.stop();
      expect(numbers(first.events)).toEqual([0, 1, 2]);
      expect(numbers(second.events)).toEqual([3, 4, 5, 6, 7]);
    });

    it('stops between two events: the checkpoint is the last event handled', async () => {
      const stream = uniqueStream();
      const start = await endOfLog(store());
      await store().append(
        stream,
        [0, 1, 2, 3, 4].map((n) => newEvent('ItemAdded', { n })),
      );
      const handled: RecordedEvent[] = [];
      const subscription = store().subscribeToAll({
        after: start,
        onEvent: (event) => {
          if (event.streamId !== stream) return;
          handled.push(event);
          // Not awaited here: stop() settles once this handler has returned.
          if (handled.length === 2) void subscription.stop();
        },
      });
      await subscription.ended;
      expect(numbers(handled)).toEqual([0, 1]);
      const rest = collect(store(), new Set([stream]), handled.at(-1)?.globalPosition);
      await waitFor('the remaining events', () => rest.events.length === 3);
      await rest.subscription.stop();
      expect(numbers(rest.events)).toEqual([2, 3, 4]);
    });

    it('ends as failed when the handler throws, and delivers nothing after', async () => {
      const stream = uniqueStream();
      const start = await endOfLog(store());
      await store().append(
        stream,
        [0, 1, 2].map((n) => newEvent('ItemAdded', { n })),
      );
      const handled: unknown[] = [];
      const failure = new Error('projection failed');
      const subscription = store().subscribeToAll({
        after: start,
        onEvent: (event) => {
          if (event.streamId !== stream) return;
          handled.push((event.data as { n: number }).n);
          if (handled.length === 2) throw failure;
        },
      });
      await expect(subscription.ended).resolves.toEqual({ reason: 'failed', error: failure });
      expect(handled).toEqual([0, 1]);
    });

    it('delivers every event of concurrent writers in global order', async () => {
      const streams = Array.from({ length: 5 }, () => uniqueStream());
      const start = await endOfLog(store());
      const { events, subscription } = collect(store(), new Set(streams), start);
      await Promise.all(
        streams.map(async (stream) => {
          for (let n = 0; n < 20; n += 1) await store().append(stream, [newEvent('ItemAdded', { n })]);
        }),
      );
      await waitFor('all 100 events', () => events.length === 100);
      await subscription.stop();
      const positions = events.map((e) => e.globalPosition);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(new Set(events.map((e) => e.id)).size).toBe(100);
    });
  });
}
