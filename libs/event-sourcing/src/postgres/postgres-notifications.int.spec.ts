import { Client } from 'pg';
import { describeWithServer, serverAddress } from '../../../../test/support/requires-server';
import { collect, newEvent, uniqueStream, waitFor } from '../event-store/contract/contract-fixtures.contract';
import { PostgresEventStore } from './postgres-event-store';
import { testSchemas } from './postgres-test-schemas.contract';

const schemas = testSchemas('es_notify');
const NO_POLLING = 60_000;

describeWithServer('postgres', 'PostgreSQL event store, live delivery', () => {
  const url = serverAddress('postgres') ?? '';
  afterAll(() => schemas.dropAll(url));

  it('wakes subscribers through LISTEN/NOTIFY, also for appends made by another process', async () => {
    const schema = schemas.next();
    const subscriber = await PostgresEventStore.open({ connectionString: url, schema, pollIntervalMs: NO_POLLING });
    const writer = await PostgresEventStore.open({ connectionString: url, schema, pollIntervalMs: NO_POLLING });
    try {
      const stream = uniqueStream();
      const { events, subscription } = collect(subscriber, new Set([stream]));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await writer.append(stream, [newEvent('ItemAdded', { n: 1 })]);
      await waitFor('the notified event', () => events.length === 1, 3000);
      await subscriber.append(stream, [newEvent('ItemAdded', { n: 2 })]);
      await waitFor('the second event', () => events.length === 2, 3000);
      await subscription.stop();
    } finally {
      await writer.close();
      await subscriber.close();
    }
  });

  it('falls back to polling when no notification comes', async () => {
    const schema = schemas.next();
    const store = await PostgresEventStore.open({ connectionString: url, schema, pollIntervalMs: 100 });
    const stream = uniqueStream();
    const { events, subscription } = collect(store, new Set([stream]));
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Written behind the store's back, so that no notification is sent.
      const event = newEvent('ItemAdded', { n: 1 });
      const client = new Client({ connectionString: url });
      await client.connect();
      await client.query(
        `INSERT INTO ${schema}.events SELECT coalesce(max(global_position), 0) + 1, $1, $2, 0, 'ItemAdded', 1,
           '{"n":1}', $3, now() FROM ${schema}.events`,
        [event.id, stream, JSON.stringify(event.metadata)],
      );
      await client.end();
      await waitFor('the polled event', () => events.length === 1, 3000);
    } finally {
      await subscription.stop();
      await store.close();
    }
  });
});
