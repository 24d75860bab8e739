import type { EventMetadata, RecordedEvent } from '../domain/event-envelope';
import type { IdempotencyRecord } from '../event-store/event-store.port';

/** A row of the events table as node:sqlite returns it. */
export interface EventRow {
  readonly global_position: number;
  readonly event_id: string;
  readonly stream_id: string;
  readonly stream_revision: number;
  readonly event_type: string;
  readonly schema_version: number;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: string;
}

export interface KeyRow {
  readonly key: string;
  readonly fingerprint: string;
  readonly stream_id: string;
  readonly first_revision: number | null;
  readonly event_count: number;
}

/** The stored event, before upcasting. */
export function eventFromRow(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.event_type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamRevision: row.stream_revision,
    globalPosition: row.global_position,
    recordedAt: row.recorded_at,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as EventMetadata,
  };
}

export function idempotencyRecordFromRow(row: KeyRow): IdempotencyRecord {
  return {
    key: row.key,
    fingerprint: row.fingerprint,
    streamId: row.stream_id,
    firstRevision: row.first_revision,
    eventCount: row.event_count,
  };
}
