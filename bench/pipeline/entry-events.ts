import { CodedError, uuidv7, type EventMetadata, type NewEvent, type RecordedEvent } from '@portal/event-sourcing';

/** The one event type of the pipeline tests: entry number `n` was recorded. */
export const ENTRY_RECORDED = 'EntryRecorded';

/** The stream category of the entry streams (`entry-<k>`). */
export const ENTRY_CATEGORY = 'entry';

export interface EntryRecordedData {
  readonly n: number;
}

export class MalformedEntryError extends CodedError {
  readonly code = 'PIPELINE_BENCH.MALFORMED_ENTRY';
}

const metadata: EventMetadata = {
  actorId: 'pipeline-bench',
  actorKind: 'system',
  teamId: null,
  correlationId: 'pipeline-bench',
  causationId: null,
  sourceIp: null,
  userAgent: null,
};

export const entryStream = (k: number): string => `${ENTRY_CATEGORY}-${k}`;

/** An EntryRecorded event for entry `n`. */
export function entryEvent(n: number): NewEvent<typeof ENTRY_RECORDED, EntryRecordedData> {
  return { id: uuidv7(), type: ENTRY_RECORDED, data: { n }, metadata };
}

/** The entry number an EntryRecorded event carries, checked: it crossed a process boundary. */
export function entryNumber(event: RecordedEvent): number {
  const n = (event.data as Partial<EntryRecordedData> | null)?.n;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    throw new MalformedEntryError(`${event.type} ${event.id} carries no entry number`, { eventId: event.id });
  }
  return n;
}
