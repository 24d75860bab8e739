import type { RecordedEvent } from '@portal/event-sourcing';
import type { Projection } from '@portal/event-pipeline';
import { defineReadModel, type ReadModelStore } from '@portal/read-models';
import { ENTRY_RECORDED, entryNumber } from './entry-events';
import { countOnStream, entryStreamsModel, type EntryProjectionOptions } from './entry-streams.projection';

/** One document per recorded entry, id `n`: which event of which stream wrote it. */
export interface EntryDoc {
  readonly n: number;
  readonly streamId: string;
  readonly streamRevision: number;
  readonly globalPosition: number;
}

export const entriesModel = defineReadModel<EntryDoc>({ name: 'entries' });

/**
 * The fault tests' projection: `EntryRecorded { n }` becomes a document per n, and is counted
 * on its stream's document. Both writes carry the event's global position as their version,
 * as the Projection contract asks, so a redelivered event changes nothing.
 */
export function entriesProjection(options: EntryProjectionOptions): Projection {
  return {
    name: 'entries',
    topics: [options.topic],
    readModels: [entriesModel, entryStreamsModel],
    async apply(event: RecordedEvent, store: ReadModelStore): Promise<void> {
      if (event.type !== ENTRY_RECORDED) return;
      const n = entryNumber(event);
      const { streamId, streamRevision, globalPosition } = event;
      const entries = await store.collection(entriesModel);
      const doc: EntryDoc = { n, streamId, streamRevision, globalPosition };
      const entry = await entries.upsert(String(n), doc, { version: globalPosition });
      const stream = await countOnStream(await store.collection(entryStreamsModel), event);
      options.onApplied?.({ event, outcomes: [entry, stream] });
    },
  };
}
