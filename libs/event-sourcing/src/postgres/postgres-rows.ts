import type { EventMetadata, RecordedEvent } from '../domain/event-envelope';
import type { IdempotencyRecord } from '../event-store/event-store.port';

/** A row of the events table as `pg` returns it: bigint as text, json parsed, timestamptz as Date. */
export interface PostgresEventRow {
  readonly global_position: string;
  readonly event_id: string;
  readonly stream_id: string;
  readonly stream_revision: string;
  readonly event_type: string;
  readonly schema_version: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly recorded_at: Date;
}

export interface PostgresKeyRow {
  readonly key: string;
  readonly fingerprint: string;
  readonly stream_id: string;
  readonly first_revision: string | null;
  readonly event_count: number;
}

export const EVENT_COLUMNS =
  'global_position, event_id, stream_id, stream_revision, event_type, schema_version, data, metadata, recorded_at';

/** The stored event, before upcasting. */
export function eventFromPostgresRow(row: PostgresEventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.event_type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamRevision: Number(row.stream_revision),
    globalPosition: Number(row.global_position),
    recordedAt: row.recorded_at.toISOString(),
    data: row.data,
    metadata: row.metadata,
  };
}

export function idempotencyRecordFromPostgresRow(row: PostgresKeyRow): IdempotencyRecord {
  return {
    key: row.key,
    fingerprint: row.fingerprint,
    streamId: row.stream_id,
    firstRevision: row.first_revision === null ? null : Number(row.first_revision),
    eventCount: row.event_count,
  };
}
