import { createHash } from 'node:crypto';
import {
  BACKWARDS,
  END,
  jsonEvent,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type JSONType,
  type KurrentDBClient,
} from '@kurrent/kurrentdb-client';
import type { PreparedEvent } from '../event-store/append-validation';
import type { IdempotencyRecord } from '../event-store/event-store.port';
import { toEventData, toStreamState } from './kurrentdb-events';

/** One attempt at a keyed append, written before its events: enough to finish it later. */
export interface AttemptRecord {
  readonly key: string;
  readonly fingerprint: string;
  readonly streamId: string;
  /** Always exact, so that KurrentDB's own idempotency on event ids applies to a repeat. */
  readonly expected: number | 'no_stream';
  readonly events: readonly PreparedEvent[];
}

const RECORD_TYPE = 'IdempotentAppendAttempted';

/** Record streams start with "_", which no stream name of ours can, and are left out of $all reads. */
export const recordStreamOf = (key: string): string => `_idempotency-${createHash('sha256').update(key).digest('hex')}`;

export const firstRevisionOf = (record: AttemptRecord): number | null =>
  record.events.length === 0 ? null : record.expected === 'no_stream' ? 0 : record.expected + 1;

export function toIdempotencyRecord(record: AttemptRecord): IdempotencyRecord {
  const { key, fingerprint, streamId } = record;
  return { key, fingerprint, streamId, firstRevision: firstRevisionOf(record), eventCount: record.events.length };
}

/**
 * KurrentDB has no transaction spanning two streams, so a keyed append is made crash-safe in
 * two steps: (1) the attempt — key, fingerprint, exact expected revision and the events with
 * their ids — is appended to the key's record stream, with the record stream's own expected
 * revision, so concurrent attempts with one key are serialised; (2) the events are appended.
 * Whoever later finds the record "completes" it by appending the very same events at the very
 * same expected revision: KurrentDB treats a repeat of event ids at an exact expected revision
 * as already done, so the events land at most once. If completing is refused (the stream moved
 * on without them) the attempt never landed and cannot land any more; a new attempt is then
 * recorded after it.
 */
export class KurrentDbIdempotency {
  constructor(private readonly client: KurrentDBClient) {}

  /** The key's latest attempt and its revision in the record stream, or null if the key is new. */
  async latest(key: string): Promise<{ record: AttemptRecord; revision: bigint } | null> {
    try {
      for await (const resolved of this.client.readStream(recordStreamOf(key), {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        if (resolved.event?.isJson)
          return { record: resolved.event.data as unknown as AttemptRecord, revision: resolved.event.revision };
      }
      return null;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return null;
      throw error;
    }
  }

  /** Makes sure the attempt's events are in its stream; false if they never landed and now cannot. */
  async complete(record: AttemptRecord): Promise<boolean> {
    if (record.events.length === 0) return true;
    try {
      await this.client.appendToStream(record.streamId, record.events.map(toEventData), {
        streamState: toStreamState(record.expected),
      });
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return false;
      throw error;
    }
  }

  /**
   * Step 1: records an attempt after `previous` (the key's last record revision, if any).
   * False when another attempt with the same key was recorded first.
   */
  async recordAttempt(record: AttemptRecord, previous: bigint | null): Promise<boolean> {
    const event = jsonEvent({ type: RECORD_TYPE, data: record as unknown as JSONType });
    try {
      await this.client.appendToStream(recordStreamOf(record.key), event, { streamState: previous ?? NO_STREAM });
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return false;
      throw error;
    }
  }
}
