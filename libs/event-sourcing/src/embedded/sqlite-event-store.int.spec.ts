import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../event-store/contract/event-store.contract';
import { collect, newEvent, uniqueStream, waitFor } from '../event-store/contract/contract-fixtures.contract';
import { embeddedEventStorePath, SqliteEventStore } from './sqlite-event-store';

const directory = mkdtempSync(join(tmpdir(), 'portal-event-store-'));
let files = 0;

afterAll(() => rmSync(directory, { recursive: true, force: true }));

eventStoreContract('embedded (SQLite)', (options) =>
  Promise.resolve(SqliteEventStore.open({ path: join(directory, `store-${(files += 1)}.sqlite`), ...options })),
);

describe('embedded (SQLite) event store file', () => {
  it('lives at <DATA_DIR>/events.sqlite and keeps its events across reopening', async () => {
    const dataDir = join(directory, 'data', 'nested');
    const path = embeddedEventStorePath(dataDir);
    expect(path).toBe(join(dataDir, 'events.sqlite'));
    const stream = uniqueStream();
    const first = SqliteEventStore.open({ path });
    await first.append(stream, [newEvent('BasketOpened', {})]);
    await first.close();
    const second = SqliteEventStore.open({ path });
    await expect(second.readStream(stream)).resolves.toHaveLength(1);
    await second.close();
  });
});

describe('embedded (SQLite) live delivery', () => {
  it('wakes subscribers in the same process at once, without waiting for the poll', async () => {
    const store = SqliteEventStore.open({ path: join(directory, 'live.sqlite'), pollIntervalMs: 60_000 });
    const stream = uniqueStream();
    const { events, subscription } = collect(store, new Set([stream]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await store.append(stream, [newEvent('ItemAdded', { n: 1 })]);
    await waitFor('the live event', () => events.length === 1, 1000);
    await subscription.stop();
    await store.close();
  });

  it('picks up appends made by another process on the same file by polling', async () => {
    const path = join(directory, 'shared.sqlite');
    const reader = SqliteEventStore.open({ path, pollIntervalMs: 50 });
    const writer = SqliteEventStore.open({ path });
    const stream = uniqueStream();
    const { events, subscription } = collect(reader, new Set([stream]));
    await writer.append(stream, [newEvent('ItemAdded', { n: 1 })]);
    await waitFor('the polled event', () => events.length === 1, 2000);
    await subscription.stop();
    await Promise.all([reader.close(), writer.close()]);
  });
});
