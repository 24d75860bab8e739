import type { EventStore, GlobalPosition } from '@portal/event-sourcing';
import type { ReadModelStore } from '@portal/read-models';
import { type CategoryDomains, topicOfStream } from '../event-routing';
import type { Projection } from '../projection/projection';

export interface ReplayProgress {
  readonly events: number;
  /** Events in the store when the replay started. */
  readonly total: number;
}

export interface ReplayOptions {
  readonly eventStore: EventStore;
  readonly readStore: ReadModelStore;
  readonly projections: readonly Projection[];
  readonly domains: CategoryDomains;
  readonly pageSize?: number;
  readonly onProgress?: (progress: ReplayProgress) => void;
}

export interface ReplaySummary {
  readonly projections: readonly string[];
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** The checkpoint each projection now has. */
  readonly position: GlobalPosition | null;
}

/**
 * Drops the projections' read models and rebuilds them from the whole event log, in global
 * order, then sets their checkpoints to where the log ended. Live updates may go on meanwhile:
 * writes are version-guarded, so both end at the same documents.
 */
export async function replayProjections(options: ReplayOptions): Promise<ReplaySummary> {
  const { eventStore, readStore, projections, domains } = options;
  const started = performance.now();
  const total = (await eventStore.headPosition()) ?? 0;
  for (const projection of projections) {
    await readStore.checkpoints.reset(projection.name);
    for (const model of projection.readModels) await (await readStore.collection(model)).drop();
  }
  let events = 0;
  let after: GlobalPosition | undefined;
  for (;;) {
    const page = await eventStore.readAll({ after, maxCount: options.pageSize ?? 1_000 });
    for (const event of page.events) {
      const topic = topicOfStream(event.streamId, domains);
      for (const projection of projections) {
        if (projection.topics.includes(topic)) await projection.apply(event, readStore);
      }
    }
    events += page.events.length;
    after = page.checkpoint;
    options.onProgress?.({ events, total });
    if (page.isEnd) break;
  }
  if (after !== undefined) {
    for (const projection of projections) await readStore.checkpoints.advance(projection.name, after);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    projections: projections.map((projection) => projection.name),
    events,
    seconds,
    eventsPerSecond: seconds > 0 ? events / seconds : events,
    position: after ?? null,
  };
}
