import {
  ANY,
  jsonEvent,
  NO_STREAM,
  STREAM_EXISTS,
  WrongExpectedVersionError,
  type AppendStreamState,
  type EventData,
  type JSONType,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type { EventMetadata, ExpectedRevision, RecordedEvent } from '../domain/event-envelope';
import { assertNever } from '../domain/exhaustive';
import type { PreparedEvent } from '../event-store/append-validation';
import { WrongExpectedRevisionError } from '../event-store/event-store.errors';

/** What is stored as an event's metadata: ours, plus the envelope fields KurrentDB has no slot for. */
interface StoredMetadata extends EventMetadata {
  readonly schemaVersion: number;
  readonly recordedAt: string;
  readonly $correlationId: string;
  readonly $causationId?: string;
}

export function toEventData(event: PreparedEvent): EventData {
  const { schemaVersion, recordedAt, metadata } = event;
  const stored: StoredMetadata = {
    ...metadata,
    schemaVersion,
    recordedAt,
    $correlationId: metadata.correlationId,
    ...(metadata.causationId === null ? {} : { $causationId: metadata.causationId }),
  };
  return jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: { ...stored } });
}

export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  if (typeof expected === 'number') return BigInt(expected);
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return assertNever(expected, 'expected revision');
  }
}

/** Our typed error for KurrentDB's, other errors unchanged. */
export function fromWrongExpectedVersion(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (!(error instanceof WrongExpectedVersionError)) return error;
  const actual = typeof error.actualState === 'bigint' ? Number(error.actualState) : null;
  return new WrongExpectedRevisionError(streamId, expected, actual);
}

/**
 * The envelope of a stored event. The global position is the event's commit position in the
 * transaction log (equal to its prepare position for the single-stream appends this adapter makes).
 */
export function fromResolvedEvent(resolved: ResolvedEvent): RecordedEvent | null {
  const event = resolved.event;
  if (event === undefined || !event.isJson) return null;
  const position =
    event.position ?? (resolved.commitPosition === undefined ? undefined : { commit: resolved.commitPosition });
  if (position === undefined)
    throw new Error('KurrentDB returned an event without a position (server older than 22.6?)');
  const {
    schemaVersion,
    recordedAt,
    $correlationId: _c,
    $causationId: _k,
    ...metadata
  } = (event.metadata ?? {}) as Partial<StoredMetadata>;
  return {
    id: event.id,
    type: event.type,
    schemaVersion: schemaVersion ?? 1,
    streamId: event.streamId,
    streamRevision: Number(event.revision),
    globalPosition: Number(position.commit),
    recordedAt: recordedAt ?? event.created.toISOString(),
    data: event.data,
    metadata: metadata as EventMetadata,
  };
}
