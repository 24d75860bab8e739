import type { DatabaseSync } from 'node:sqlite';

export type { SqliteSynchronous } from '@portal/sqlite';

const TABLES = `
CREATE TABLE IF NOT EXISTS events (
  global_position INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  stream_id TEXT NOT NULL,
  stream_revision INTEGER NOT NULL,
  event_type TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  data TEXT NOT NULL,
  metadata TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  UNIQUE (stream_id, stream_revision)
) STRICT;
CREATE TABLE IF NOT EXISTS idempotency_keys (
  key TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  stream_id TEXT NOT NULL,
  first_revision INTEGER,
  event_count INTEGER NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;
`;

export function createEventTables(db: DatabaseSync): void {
  db.exec(TABLES);
}

export const SQL = {
  currentRevision: 'SELECT max(stream_revision) AS revision FROM events WHERE stream_id = ?',
  insertEvent: `INSERT INTO events
    (event_id, stream_id, stream_revision, event_type, schema_version, data, metadata, recorded_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  readStream: `SELECT * FROM events WHERE stream_id = ? AND stream_revision >= ?
    ORDER BY stream_revision LIMIT ?`,
  readAll: 'SELECT * FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?',
  headPosition: 'SELECT max(global_position) AS position FROM events',
  selectKey: 'SELECT * FROM idempotency_keys WHERE key = ?',
  insertKey: `INSERT INTO idempotency_keys (key, fingerprint, stream_id, first_revision, event_count, recorded_at)
    VALUES (?, ?, ?, ?, ?, ?)`,
} as const;
