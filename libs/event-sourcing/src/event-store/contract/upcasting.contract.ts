import { UpcasterRegistry } from '../../domain/upcaster-registry';
import type { EventStore } from '../event-store.port';
import { collect, endOfLog, newEvent, uniqueStream, waitFor, type MakeEventStore } from './contract-fixtures.contract';

type ItemAddedV1 = { name: string };
type ItemAddedV2 = { name: string; quantity: number };
type ItemAddedV3 = { item: { name: string; quantity: number } };

const upcasters = (): UpcasterRegistry =>
  new UpcasterRegistry()
    .register<ItemAddedV1, ItemAddedV2>('ItemAdded', 1, (data) => ({ ...data, quantity: 1 }))
    .register<ItemAddedV2, ItemAddedV3>('ItemAdded', 2, ({ name, quantity }) => ({ item: { name, quantity } }));

export function upcastingContract(makeStore: MakeEventStore): void {
  describe('upcasting on read', () => {
    let store: EventStore;
    beforeEach(async () => {
      store = await makeStore({ upcasters: upcasters() });
    });
    afterEach(() => store.close());

    it('reads an event stored as v1 in its latest shape, from a stream, from all and from a subscription', async () => {
      const stream = uniqueStream();
      const start = await endOfLog(store);
      await store.append(stream, [newEvent('ItemAdded', { name: 'pen' }, { schemaVersion: 1 })]);
      const expected = { schemaVersion: 3, data: { item: { name: 'pen', quantity: 1 } } };
      expect(await store.readStream(stream)).toEqual([expect.objectContaining(expected)]);
      const page = await store.readAll({ after: start });
      expect(page.events.filter((e) => e.streamId === stream)).toEqual([expect.objectContaining(expected)]);
      const { events, subscription } = collect(store, new Set([stream]), start);
      await waitFor('the upcast event', () => events.length === 1);
      await subscription.stop();
      expect(events).toEqual([expect.objectContaining(expected)]);
    });

    it('writes new events at the latest version and leaves them as they are', async () => {
      const stream = uniqueStream();
      const data = { item: { name: 'ink', quantity: 2 } };
      const [written] = (await store.append(stream, [newEvent('ItemAdded', data)])).events;
      expect(written).toMatchObject({ schemaVersion: 3, data });
      expect(await store.readStream(stream)).toEqual([written]);
    });

    it('upcasts from an intermediate version', async () => {
      const stream = uniqueStream();
      await store.append(stream, [newEvent('ItemAdded', { name: 'cap', quantity: 4 }, { schemaVersion: 2 })]);
      const [read] = await store.readStream(stream);
      expect(read).toMatchObject({ schemaVersion: 3, data: { item: { name: 'cap', quantity: 4 } } });
    });
  });
}
