import { CodedError, parseStreamName, type RecordedEvent } from '@portal/event-sourcing';
import type { DeliveredMessage, OutgoingMessage } from '@portal/messaging';

/** A bus message that is not a recorded event; the subscriber's retries then dead-letter it. */
export class MalformedEventMessageError extends CodedError {
  readonly code = 'PIPELINE.MALFORMED_EVENT';
}

export const EVENT_HEADERS = {
  id: 'event-id',
  type: 'event-type',
  globalPosition: 'event-global-position',
} as const;

/** A recorded event as a bus message: keyed by its stream, so a stream's events stay in order. */
export function eventMessage(event: RecordedEvent): OutgoingMessage {
  return {
    key: event.streamId,
    value: JSON.stringify(event),
    headers: {
      [EVENT_HEADERS.id]: event.id,
      [EVENT_HEADERS.type]: event.type,
      [EVENT_HEADERS.globalPosition]: String(event.globalPosition),
    },
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** Reads an event back from a bus message, checking the envelope's shape. */
export function eventOfMessage(message: DeliveredMessage): RecordedEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value.toString('utf8'));
  } catch (error) {
    throw new MalformedEventMessageError('The message is not JSON', { offset: message.offset }, { cause: error });
  }
  const problem = envelopeProblem(parsed, message.key);
  if (problem !== null) {
    throw new MalformedEventMessageError(`The message is not a recorded event: ${problem}`, {
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
    });
  }
  return parsed as RecordedEvent;
}

function envelopeProblem(value: unknown, key: string): string | null {
  if (!isRecord(value)) return 'not an object';
  const { id, type, schemaVersion, streamId, streamRevision, globalPosition, recordedAt, metadata } = value;
  if (typeof id !== 'string' || id.length === 0) return 'no id';
  if (typeof type !== 'string' || type.length === 0) return 'no type';
  if (!isCount(schemaVersion) || schemaVersion < 1) return 'no schema version';
  if (typeof streamId !== 'string' || streamId !== key) return 'its stream is not the message key';
  parseStreamName(streamId);
  if (!isCount(streamRevision)) return 'no stream revision';
  if (!isCount(globalPosition) || globalPosition < 1) return 'no global position';
  if (typeof recordedAt !== 'string' || Number.isNaN(Date.parse(recordedAt))) return 'no recorded time';
  if (!('data' in value)) return 'no data';
  if (!isRecord(metadata) || typeof metadata.actorId !== 'string') return 'no metadata';
  return null;
}
