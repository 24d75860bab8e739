import { handleCommand } from '../../command-handling/handle-command';
import type { ExpectedRevision } from '../../domain/event-envelope';
import { ConcurrencyConflictError, WrongExpectedRevisionError } from '../event-store.errors';
import type { EventStore } from '../event-store.port';
import {
  basketDecider,
  metadata,
  newEvent,
  uniqueStream,
  useStore,
  type MakeEventStore,
} from './contract-fixtures.contract';

/** A store whose stream reads are always empty: every decision is made on stale state. */
const staleReads = (store: EventStore): EventStore => ({
  append: (...args) => store.append(...args),
  readStream: () => Promise.resolve([]),
  readAll: (options) => store.readAll(options),
  subscribeToAll: (options) => store.subscribeToAll(options),
  headPosition: () => store.headPosition(),
  readIdempotencyRecord: (key) => store.readIdempotencyRecord(key),
  close: () => Promise.resolve(),
});

export function concurrencyContract(makeStore: MakeEventStore): void {
  const store = useStore(makeStore);

  describe('concurrent writers', () => {
    it('lets exactly one of 50 concurrent appends at the same expected revision succeed', async () => {
      const stream = uniqueStream();
      await store().append(stream, [newEvent('BasketOpened', { owner: 'ada' })]);
      const expectedRevision: ExpectedRevision = 0;
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, n) =>
          store().append(stream, [newEvent('ItemAdded', { n })], { expectedRevision }),
        ),
      );
      const succeeded = results.filter((r) => r.status === 'fulfilled');
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      expect(succeeded).toHaveLength(1);
      expect(refused).toHaveLength(49);
      refused.forEach((reason) => expect(reason).toBeInstanceOf(WrongExpectedRevisionError));
      expect(await store().readStream(stream)).toHaveLength(2);
    });

    it('lands all of 50 concurrent commands through the retrying handler, none lost or duplicated', async () => {
      const streamName = uniqueStream();
      const run = (command: Parameters<typeof basketDecider.decide>[0]) =>
        handleCommand({ store: store(), streamName, decider: basketDecider, command, metadata, maxAttempts: 100 });
      await run({ type: 'OpenBasket', owner: 'ada' });
      const items = Array.from({ length: 50 }, (_, n) => `item-${n}`);
      const results = await Promise.all(items.map((item) => run({ type: 'AddItem', item })));
      const stream = await store().readStream(streamName);
      expect(stream.map((e) => e.streamRevision)).toEqual(Array.from({ length: 51 }, (_, n) => n));
      expect(
        stream
          .slice(1)
          .map((e) => (e.data as { item: string }).item)
          .sort(),
      ).toEqual([...items].sort());
      expect(results.flatMap((r) => r.events.map((e) => e.id)).sort()).toEqual(
        stream
          .slice(1)
          .map((e) => e.id)
          .sort(),
      );
    });

    it('gives up with EVENT_STORE.CONFLICT after the allowed number of decisions', async () => {
      const streamName = uniqueStream();
      await store().append(streamName, [newEvent('BasketOpened', { owner: 'ada' })]);
      let decisions = 0;
      const counting = {
        ...basketDecider,
        decide: (...args: Parameters<typeof basketDecider.decide>) => {
          decisions += 1;
          return basketDecider.decide(...args);
        },
      };
      const handled = handleCommand({
        store: staleReads(store()),
        streamName,
        decider: counting,
        command: { type: 'OpenBasket', owner: 'bob' },
        metadata,
        maxAttempts: 3,
      });
      await expect(handled).rejects.toBeInstanceOf(ConcurrencyConflictError);
      await expect(handled).rejects.toMatchObject({ code: 'EVENT_STORE.CONFLICT', attempts: 3 });
      expect(decisions).toBe(3);
      expect(await store().readStream(streamName)).toHaveLength(1);
    });
  });
}
