import { CodedError, type RecordedEvent } from '@portal/event-sourcing';
import type { Projection } from '@portal/event-pipeline';
import { defineReadModel, type ReadModelCollection, type ReadModelStore, type WriteOutcome } from '@portal/read-models';
import { ENTRY_RECORDED } from './entry-events';

/**
 * One document per stream, counting the events applied to it. The count is raised by a
 * version-guarded `$inc`: an event applied twice would count twice, one skipped or applied
 * out of order would leave the count short, so the count shows both.
 */
export interface EntryStreamDoc {
  readonly streamId: string;
  readonly events: number;
  readonly lastRevision: number;
}

export const entryStreamsModel = defineReadModel<EntryStreamDoc>({ name: 'entry_streams' });

/** An event of a stream arrived before the stream's first one had been applied. */
export class EntryOutOfOrderError extends CodedError {
  readonly code = 'PIPELINE_BENCH.OUT_OF_ORDER';
}

/** What became of one event: the outcome of each write, `stale` where it had been applied before. */
export interface EntryApplied {
  readonly event: RecordedEvent;
  readonly outcomes: readonly WriteOutcome[];
}

export interface EntryProjectionOptions {
  /** The topic carrying the entry streams' events. */
  readonly topic: string;
  /** Told after each applied event, e.g. to time it or to count redeliveries. */
  readonly onApplied?: (applied: EntryApplied) => void;
}

/** Counts one event on its stream's document, guarded by the event's global position. */
export async function countOnStream(
  streams: ReadModelCollection<EntryStreamDoc>,
  event: RecordedEvent,
): Promise<WriteOutcome> {
  const { streamId, streamRevision, globalPosition: version } = event;
  if (streamRevision === 0) return streams.upsert(streamId, { streamId, events: 1, lastRevision: 0 }, { version });
  const patch = { $inc: { events: 1 }, $set: { lastRevision: streamRevision } };
  const outcome = await streams.patch(streamId, patch, { version });
  if (outcome === 'missing') {
    throw new EntryOutOfOrderError(`${streamId}@${streamRevision} arrived before ${streamId}@0 was applied`, {
      streamId,
      streamRevision,
    });
  }
  return outcome;
}

/**
 * The benchmark's projection, shaped like the portal's entity read models (a team's members,
 * its API keys): one document per stream, one version-guarded write per event.
 */
export function entryStreamsProjection(options: EntryProjectionOptions): Projection {
  return {
    name: 'entry-streams',
    topics: [options.topic],
    readModels: [entryStreamsModel],
    async apply(event: RecordedEvent, store: ReadModelStore): Promise<void> {
      if (event.type !== ENTRY_RECORDED) return;
      const outcome = await countOnStream(await store.collection(entryStreamsModel), event);
      options.onApplied?.({ event, outcomes: [outcome] });
    },
  };
}
