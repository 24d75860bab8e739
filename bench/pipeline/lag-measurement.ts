import { performance } from 'node:perf_hooks';
import { EventRelay, eventOfMessage, type Projection, ProjectionRunner } from '@portal/event-pipeline';
import type { EventStore } from '@portal/event-sourcing';
import { domainEventsTopic, type MessageBus } from '@portal/messaging';
import type { ReadModelStore } from '@portal/read-models';
import { ENTRY_CATEGORY, entryEvent, entryNumber, entryStream } from './entry-events';
import { entryStreamsProjection } from './entry-streams.projection';
import { type LagFigures, LagRecorder } from './lag-recorder';

/** The three stores a pipeline runs on. */
export interface PipelineStores {
  readonly eventStore: EventStore;
  readonly bus: MessageBus;
  readonly readStore: ReadModelStore;
}

export interface LagRunOptions {
  readonly eventsPerSecond: number;
  readonly seconds: number;
  /** Streams the events are spread over, round robin (the projection keeps a document per stream). */
  readonly streams: number;
  /** How long to wait for the backlog once the appends have stopped. */
  readonly drainTimeoutMs: number;
  readonly progress: (line: string) => void;
  /** Names the topic (`portal.<domain>.events`) and the consumer group, so that runs on shared servers stay apart. */
  readonly domain: string;
}

/** The projection, its apply calls timed. */
function timed(projection: Projection, recorder: LagRecorder): Projection {
  return {
    ...projection,
    apply: async (event, store) => {
      const started = performance.now();
      await projection.apply(event, store);
      recorder.applyTook(performance.now() - started);
    },
  };
}

const sleepUntil = (at: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

/**
 * Appends one event every 1/rate seconds on a fixed schedule (open loop: a slow append does
 * not delay the next), each a command's single-event append to its stream.
 */
async function pacedAppends(store: EventStore, recorder: LagRecorder, options: LagRunOptions): Promise<void> {
  const total = Math.round(options.eventsPerSecond * options.seconds);
  const intervalMs = 1000 / options.eventsPerSecond;
  const started = performance.now();
  const pending: Promise<unknown>[] = [];
  let failure: { readonly error: unknown } | undefined;
  for (let n = 1; n <= total && failure === undefined; n += 1) {
    await sleepUntil(started + (n - 1) * intervalMs);
    recorder.appending(n);
    const appended = store.append(entryStream(n % options.streams), [entryEvent(n)]).then(() => recorder.appended(n));
    pending.push(appended.catch((error: unknown) => (failure ??= { error })));
    if (n % (options.eventsPerSecond * 10) === 0) {
      options.progress(`  ${n}/${total} appended, ${recorder.applied} applied`);
    }
  }
  await Promise.all(pending);
  if (failure !== undefined) throw failure.error;
}

async function waitForBacklog(recorder: LagRecorder, total: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (recorder.applied < total) {
    if (performance.now() > deadline) {
      throw new Error(
        `only ${recorder.applied} of ${total} events applied ${timeoutMs / 1000} s after the last append`,
      );
    }
    await sleepUntil(performance.now() + 20);
  }
}

/**
 * Runs relay and projection on the stores while events are appended at a steady rate, and
 * measures for every event the time from its append to its projection.
 */
export async function measureLag(stores: PipelineStores, options: LagRunOptions): Promise<LagFigures> {
  const total = Math.round(options.eventsPerSecond * options.seconds);
  const recorder = new LagRecorder(total);
  const projection = entryStreamsProjection({
    topic: domainEventsTopic(options.domain),
    onApplied: recorder.onApplied,
  });
  const relay = await EventRelay.start({
    store: stores.eventStore,
    bus: stores.bus,
    checkpoints: stores.readStore.checkpoints,
    domains: { [ENTRY_CATEGORY]: options.domain },
  });
  try {
    const { eventStore, bus, readStore } = stores;
    // A bare subscriber of the same topic: when each event reaches the bus's consumers, without
    // any read-model write, so that the lag can be told apart from the projection's share.
    const observer = await bus.subscribe({
      topic: domainEventsTopic(options.domain),
      group: `bench-${options.domain}.observer`,
      handler: (message) => Promise.resolve(recorder.onDelivered(entryNumber(eventOfMessage(message)))),
    });
    const runner = await ProjectionRunner.start({
      eventStore,
      bus,
      readStore,
      projections: [timed(projection, recorder)],
      groupPrefix: `bench-${options.domain}`,
    });
    try {
      await pacedAppends(stores.eventStore, recorder, options);
      await waitForBacklog(recorder, total, options.drainTimeoutMs);
    } finally {
      await runner.stop();
      await observer.stop();
    }
  } finally {
    await relay.stop();
  }
  return recorder.figures();
}
