import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteEventStore } from '@portal/event-sourcing';
import { InProcessBus, type MessageBus, silentBusLogger } from '@portal/messaging';
import { EmbeddedReadModelStore, hashReadModel } from '@portal/read-models';
import {
  appendEntries,
  DOMAINS,
  entriesModel,
  eventually,
  LEDGER_TOPIC,
  ledgerProjection,
  ledgersModel,
} from './pipeline.fixtures';
import { ProjectionRunner } from './projection/projection-runner';
import { EventRelay } from './relay/event-relay';
import { replayProjections } from './replay/replay-projections';

describe('event pipeline: store -> relay -> bus -> projection (embedded adapters)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let bus: InProcessBus;
  let readStore: EmbeddedReadModelStore;
  const running: { stop(): Promise<void> }[] = [];

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'portal-pipeline-'));
    store = SqliteEventStore.open({ path: path.join(dir, 'events.sqlite') });
    bus = InProcessBus.open({ path: path.join(dir, 'bus.sqlite'), logger: silentBusLogger });
    readStore = EmbeddedReadModelStore.open({ path: path.join(dir, 'read-models.sqlite') });
  });

  afterEach(async () => {
    for (const item of running.splice(0).reverse()) await item.stop();
    await bus.close();
    await store.close();
    await readStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const startRelay = async (target: MessageBus = bus) => {
    const relay = await EventRelay.start({
      store,
      bus: target,
      checkpoints: readStore.checkpoints,
      domains: DOMAINS,
      retryDelayMs: 20,
    });
    running.push(relay);
    return relay;
  };
  const startRunner = async () => {
    const runner = await ProjectionRunner.start({
      bus,
      readStore,
      eventStore: store,
      projections: [ledgerProjection],
      backoff: { initialMs: 5, maxMs: 20 },
    });
    running.push(runner);
    return runner;
  };
  const entries = async () => (await readStore.collection(entriesModel)).count();
  const ledgerTotals = async () => (await readStore.collection(ledgersModel)).find({}, { sort: { entries: 1 } });

  it('delivers every event to the projection once, events appended before and after the start alike', async () => {
    await appendEntries(store, 200);
    await startRelay();
    const runner = await startRunner();
    await appendEntries(store, 300, 5, 201);
    await eventually(async () => (await entries()) === 500);
    expect(runner.applied('ledgers')).toBe(500);
    expect((await ledgerTotals()).map((ledger) => ledger.entries)).toEqual([100, 100, 100, 100, 100]);
    // Saved at most every 250 ms, and once more when the relay goes quiet.
    await eventually(async () => (await readStore.checkpoints.get('relay')) === (await store.headPosition()));
  });

  it('writes its checkpoint at most every interval, and the last position once it goes quiet', async () => {
    const advances: number[] = [];
    const checkpoints = {
      get: (name: string) => readStore.checkpoints.get(name),
      reset: (name: string) => readStore.checkpoints.reset(name),
      advance: (name: string, position: number) => {
        advances.push(position);
        return readStore.checkpoints.advance(name, position);
      },
    };
    const relay = await EventRelay.start({ store, bus, checkpoints, domains: DOMAINS, checkpointIntervalMs: 200 });
    running.push(relay);
    const started = Date.now();
    for (let batch = 0; batch < 10; batch += 1) {
      await appendEntries(store, 10, 5, batch * 10 + 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await eventually(async () => (await readStore.checkpoints.get('relay')) === (await store.headPosition()));
    const elapsed = Date.now() - started;
    expect(relay.published).toBe(100);
    expect(advances.length).toBeLessThanOrEqual(Math.ceil(elapsed / 200) + 1);
    expect(advances).toEqual([...advances].sort((a, b) => a - b));
  });

  it('keeps one publish in flight and sends the events that arrived meanwhile together', async () => {
    const publishes: number[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const slow: MessageBus = {
      publish: async (topic, messages) => {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        publishes.push(messages.length);
        await new Promise((resolve) => setTimeout(resolve, 50));
        await bus.publish(topic, messages);
        inFlight -= 1;
      },
      subscribe: (options) => bus.subscribe(options),
      close: () => Promise.resolve(),
    };
    const relay = await startRelay(slow);
    await startRunner();
    for (let n = 1; n <= 40; n += 1) {
      await appendEntries(store, 1, 5, n);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await eventually(async () => (await entries()) === 40);
    expect(relay.published).toBe(40);
    expect(mostInFlight).toBe(1);
    // About 40 × 5 ms of appends at 50 ms a publish: a handful of batches, not one per event.
    expect(publishes.length).toBeLessThanOrEqual(10);
    expect(publishes.reduce((sum, size) => sum + size, 0)).toBe(40);
  });

  it('resumes from its checkpoint after a stop: nothing lost, repeats absorbed', async () => {
    await appendEntries(store, 100);
    const first = await startRelay();
    await startRunner();
    await eventually(async () => (await entries()) === 100);
    await first.stop();
    await appendEntries(store, 150, 5, 101);
    await startRelay();
    await eventually(async () => (await entries()) === 250);
    const totals = await ledgerTotals();
    expect(totals.reduce((sum, ledger) => sum + ledger.entries, 0)).toBe(250);
  });

  it('keeps publishing in order through failures of the bus, starting again from the checkpoint', async () => {
    let failures = 3;
    const flaky: MessageBus = {
      publish: (topic, messages) =>
        failures-- > 0 ? Promise.reject(new Error('broker unavailable')) : bus.publish(topic, messages),
      subscribe: (options) => bus.subscribe(options),
      close: () => Promise.resolve(),
    };
    await appendEntries(store, 120);
    await startRelay(flaky);
    await startRunner();
    await eventually(async () => (await entries()) === 120);
    expect(failures).toBeLessThan(0);
    const totals = await ledgerTotals();
    expect(totals.reduce((sum, ledger) => sum + ledger.entries, 0)).toBe(120);
  });

  it('sends a message that is not an event to the dead-letter topic and goes on', async () => {
    const deadLetters: string[] = [];
    await bus.publish(LEDGER_TOPIC, [{ key: 'ledger-1', value: '{"not":"an event"}' }]);
    await bus.subscribe({
      topic: `${LEDGER_TOPIC}.dlq`,
      group: 'dlq-watch',
      handler: (message) => Promise.resolve(void deadLetters.push(message.headers['x-dlq-error'] ?? '')),
    });
    await appendEntries(store, 10);
    await startRelay();
    await ProjectionRunner.start({
      bus,
      readStore,
      eventStore: store,
      projections: [ledgerProjection],
      maxAttempts: 2,
      backoff: { initialMs: 1, maxMs: 1 },
    }).then((runner) => running.push(runner));
    await eventually(async () => (await entries()) === 10 && deadLetters.length === 1);
    expect(deadLetters[0]).toContain('not a recorded event');
  });

  it('relays only the stream categories it is given, yet moves its checkpoint past the others', async () => {
    const relay = await EventRelay.start({
      store,
      bus,
      checkpoints: readStore.checkpoints,
      domains: DOMAINS,
      categories: ['invoice'],
    });
    running.push(relay);
    await startRunner();
    await appendEntries(store, 20);
    await eventually(async () => (await readStore.checkpoints.get('relay')) === (await store.headPosition()));
    expect(relay.published).toBe(0);
    expect(await entries()).toBe(0);
  });

  it('reports lag: events behind the head and how long the oldest has waited', async () => {
    const runner = await startRunner();
    await appendEntries(store, 30);
    const [before] = await runner.lag();
    expect(before).toEqual({
      projection: 'ledgers',
      position: null,
      behind: 30,
      seconds: expect.any(Number) as number,
    });
    await startRelay();
    await eventually(async () => (await runner.lag())[0]?.behind === 0);
    expect((await runner.lag())[0]).toEqual({
      projection: 'ledgers',
      position: await store.headPosition(),
      behind: 0,
      seconds: 0,
    });
  });

  it('rebuilds read models equal, document for document, to the incrementally built ones', async () => {
    await startRelay();
    await startRunner();
    await appendEntries(store, 400, 7);
    await eventually(async () => (await entries()) === 400);
    const incremental = [
      await hashReadModel(await readStore.collection(entriesModel)),
      await hashReadModel(await readStore.collection(ledgersModel)),
    ];

    const summary = await replayProjections({
      eventStore: store,
      readStore,
      projections: [ledgerProjection],
      domains: DOMAINS,
    });

    expect(summary).toEqual(
      expect.objectContaining({ projections: ['ledgers'], events: 400, position: await store.headPosition() }),
    );
    const rebuilt = [
      await hashReadModel(await readStore.collection(entriesModel)),
      await hashReadModel(await readStore.collection(ledgersModel)),
    ];
    expect(rebuilt).toEqual(incremental);
    expect(await readStore.checkpoints.get('ledgers')).toBe(await store.headPosition());
  });
});
