import { performance } from 'node:perf_hooks';
import { replayProjections } from '@portal/event-pipeline';
import type { EventStore } from '@portal/event-sourcing';
import { domainEventsTopic } from '@portal/messaging';
import { ENTRY_CATEGORY, entryEvent, entryStream } from './entry-events';
import { openEmbeddedStores } from './embedded-stack';
import { entryStreamsModel, entryStreamsProjection } from './entry-streams.projection';

export interface ReplayFigures {
  readonly events: number;
  readonly eventsPerSecond: number;
  readonly seconds: number;
  /** Baseline: reading the same events page by page, applying nothing. */
  readonly readOnlyEventsPerSecond: number;
}

const DOMAIN = 'replaybench';
const APPEND_BATCH = 1_000;

/** `events` events over `streams` streams, appended in batches of a stream's next 1,000. */
async function fill(store: EventStore, events: number, streams: number): Promise<void> {
  const perStream = Math.ceil(events / streams);
  for (let k = 0; k < streams; k += 1) {
    for (let from = 0; from < perStream; from += APPEND_BATCH) {
      const count = Math.min(APPEND_BATCH, perStream - from, events - k * perStream - from);
      if (count <= 0) break;
      const batch = Array.from({ length: count }, (_, i) => entryEvent(k * perStream + from + i + 1));
      await store.append(entryStream(k), batch);
    }
  }
}

async function readOnlyPass(store: EventStore): Promise<number> {
  const started = performance.now();
  let events = 0;
  let after: number | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 1_000 });
    events += page.events.length;
    after = page.checkpoint;
    if (page.isEnd) break;
  }
  return events / ((performance.now() - started) / 1000);
}

/**
 * Appends `events` events to a fresh embedded event store, then rebuilds the benchmark's
 * projection from them with replayProjections into a fresh embedded read-model store.
 */
export async function measureReplay(
  events: number,
  streams: number,
  progress: (line: string) => void,
): Promise<ReplayFigures> {
  const stores = openEmbeddedStores();
  try {
    const filling = performance.now();
    await fill(stores.eventStore, events, streams);
    progress(`  ${events} events appended in ${((performance.now() - filling) / 1000).toFixed(1)} s`);
    const readOnlyEventsPerSecond = await readOnlyPass(stores.eventStore);
    const projection = entryStreamsProjection({ topic: domainEventsTopic(DOMAIN) });
    let lastShown = performance.now();
    const summary = await replayProjections({
      eventStore: stores.eventStore,
      readStore: stores.readStore,
      projections: [projection],
      domains: { [ENTRY_CATEGORY]: DOMAIN },
      onProgress: ({ events: done, total }) => {
        if (performance.now() - lastShown < 2_000) return;
        lastShown = performance.now();
        progress(`  replayed ${done}/${total}`);
      },
    });
    const counted = (await (await stores.readStore.collection(entryStreamsModel)).find()).reduce(
      (sum, stream) => sum + stream.events,
      0,
    );
    if (summary.events !== events || counted !== events) {
      throw new Error(`the replay read ${summary.events} events and counted ${counted}; ${events} were appended`);
    }
    return { events, eventsPerSecond: summary.eventsPerSecond, seconds: summary.seconds, readOnlyEventsPerSecond };
  } finally {
    await stores.close();
  }
}
