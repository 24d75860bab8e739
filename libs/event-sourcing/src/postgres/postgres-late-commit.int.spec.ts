import { Client } from 'pg';
import { describeWithServer, serverAddress } from '../../../../test/support/requires-server';
import type { RecordedEvent } from '../domain/event-envelope';
import { UpcasterRegistry } from '../domain/upcaster-registry';
import { prepareEvents } from '../event-store/append-validation';
import {
  collect,
  newEvent,
  readAllOf,
  uniqueStream,
  waitFor,
} from '../event-store/contract/contract-fixtures.contract';
import { appendRequest, batchParameters } from './postgres-append-batch';
import { PostgresEventStore } from './postgres-event-store';
import { appendBatchSql } from './postgres-schema';
import { testSchemas } from './postgres-test-schemas.contract';

const schemas = testSchemas('es_late');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithServer('postgres', 'PostgreSQL event store, late commits', () => {
  const url = serverAddress('postgres') ?? '';
  let schema: string;
  let store: PostgresEventStore;
  let slow: Client;

  beforeEach(async () => {
    schema = schemas.next();
    store = await PostgresEventStore.open({ connectionString: url, schema, pollIntervalMs: 100 });
    slow = new Client({ connectionString: url });
    await slow.connect();
  });
  afterEach(async () => {
    await slow.end();
    await store.close();
  });
  afterAll(() => schemas.dropAll(url));

  /** Runs the store's own append function inside a transaction this test commits when it likes. */
  async function beginSlowAppend(stream: string, data: unknown): Promise<void> {
    const events = prepareEvents([newEvent('ItemAdded', data)], new UpcasterRegistry(), new Date());
    await slow.query('BEGIN');
    await slow.query(appendBatchSql(schema), batchParameters([appendRequest(stream, 'any', undefined, events)]));
  }

  it('never lets a reader skip an event that a slower transaction commits after a later append', async () => {
    const [a, b] = [uniqueStream(), uniqueStream()];
    const ours = new Set([a, b]);
    const live = collect(store, ours);
    await beginSlowAppend(a, { n: 'slow' });
    let fastDone = false;
    const fast = store.append(b, [newEvent('ItemAdded', { n: 'fast' })]).then((result) => {
      fastDone = true;
      return result;
    });
    await sleep(300);
    const before = await store.readAll();
    expect(before.events).toEqual([]);
    expect(fastDone).toBe(false);

    await slow.query('COMMIT');
    await fast;
    const after = await store.readAll({ after: before.checkpoint });
    expect(after.events.map((e) => e.data)).toEqual([{ n: 'slow' }, { n: 'fast' }]);
    await waitFor('the subscriber to see both', () => live.events.length === 2);
    await live.subscription.stop();
    expect(live.events).toEqual(after.events);
  });

  it('leaves no gap behind an append that rolls back', async () => {
    const stream = uniqueStream();
    await store.append(stream, [newEvent('ItemAdded', { n: 1 })]);
    await beginSlowAppend(stream, { n: 'rolled back' });
    const next = store.append(stream, [newEvent('ItemAdded', { n: 2 })]);
    await sleep(100);
    await slow.query('ROLLBACK');
    await next;
    const events = (await store.readAll()).events;
    expect(events.map((e) => [e.globalPosition, e.data])).toEqual([
      [1, { n: 1 }],
      [2, { n: 2 }],
    ]);
  });

  it('keeps readers gap-free while several processes append at once', async () => {
    const writers = await Promise.all(
      [1, 2, 3, 4].map(() => PostgresEventStore.open({ connectionString: url, schema, poolSize: 4 })),
    );
    const streams = writers.map(() => uniqueStream());
    const ours = new Set(streams);
    let writing = true;
    const seen: RecordedEvent[] = [];
    const reader = (async () => {
      let checkpoint: number | undefined;
      for (let last = false; !last;) {
        last = !writing;
        const page = await store.readAll({ after: checkpoint, maxCount: 20 });
        seen.push(...page.events);
        checkpoint = page.checkpoint;
        if (!page.isEnd) last = false;
      }
    })();
    await Promise.all(
      writers.map((writer, w) =>
        Promise.all(
          Array.from({ length: 10 }, async (_, lane) => {
            for (let n = 0; n < 10; n += 1) await writer.append(streams[w] ?? '', [newEvent('ItemAdded', { lane, n })]);
          }),
        ),
      ),
    );
    writing = false;
    await reader;
    await Promise.all(writers.map((writer) => writer.close()));
    expect(seen.map((e) => e.globalPosition)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    expect(seen).toEqual(await readAllOf(store, ours));
  });
});
