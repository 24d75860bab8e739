import type { DatabaseSync } from 'node:sqlite';

export type { SqliteSynchronous as BusSynchronous } from '@portal/sqlite';

/**
 * One log per topic partition (`messages`, offsets from `partitions.next_offset`, which never
 * goes back even when retention empties a partition) and the next offset each consumer group
 * will read per partition (`group_offsets`). A topic's partition count is fixed at creation.
 */
const TABLES = `
CREATE TABLE IF NOT EXISTS topics (
  topic TEXT PRIMARY KEY,
  partitions INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS partitions (
  topic TEXT NOT NULL,
  partition INTEGER NOT NULL,
  next_offset INTEGER NOT NULL,
  PRIMARY KEY (topic, partition)
) STRICT;
CREATE TABLE IF NOT EXISTS messages (
  id INTEGER PRIMARY KEY,
  topic TEXT NOT NULL,
  partition INTEGER NOT NULL,
  message_offset INTEGER NOT NULL,
  key TEXT NOT NULL,
  value BLOB NOT NULL,
  headers TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  UNIQUE (topic, partition, message_offset)
) STRICT;
CREATE TABLE IF NOT EXISTS group_offsets (
  group_name TEXT NOT NULL,
  topic TEXT NOT NULL,
  partition INTEGER NOT NULL,
  next_offset INTEGER NOT NULL,
  committed_at INTEGER NOT NULL,
  PRIMARY KEY (group_name, topic, partition)
) STRICT;
`;

export function createBusTables(db: DatabaseSync): void {
  db.exec(TABLES);
}

export const BUS_SQL = {
  topicPartitions: 'SELECT partitions FROM topics WHERE topic = ?',
  insertTopic: 'INSERT INTO topics (topic, partitions) VALUES (?, ?) ON CONFLICT DO NOTHING',
  insertPartition: 'INSERT INTO partitions (topic, partition, next_offset) VALUES (?, ?, 0) ON CONFLICT DO NOTHING',
  nextOffset: 'SELECT next_offset FROM partitions WHERE topic = ? AND partition = ?',
  setNextOffset: 'UPDATE partitions SET next_offset = ? WHERE topic = ? AND partition = ?',
  insertMessage: `INSERT INTO messages (topic, partition, message_offset, key, value, headers, published_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`,
  readFrom: `SELECT message_offset, key, value, headers, published_at FROM messages
    WHERE topic = ? AND partition = ? AND message_offset >= ? ORDER BY message_offset LIMIT ?`,
  committedOffset: 'SELECT next_offset FROM group_offsets WHERE group_name = ? AND topic = ? AND partition = ?',
  registerGroup: `INSERT INTO group_offsets (group_name, topic, partition, next_offset, committed_at)
    VALUES (?, ?, ?, 0, ?) ON CONFLICT DO NOTHING`,
  commit: `INSERT INTO group_offsets (group_name, topic, partition, next_offset, committed_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (group_name, topic, partition) DO UPDATE
    SET next_offset = excluded.next_offset, committed_at = excluded.committed_at`,
  safeOffsets: `SELECT topic, partition, min(next_offset) AS safe_offset FROM group_offsets GROUP BY topic, partition`,
  prune: 'DELETE FROM messages WHERE topic = ? AND partition = ? AND message_offset < ? AND published_at < ?',
} as const;

export interface MessageRow {
  readonly message_offset: number;
  readonly key: string;
  readonly value: Uint8Array;
  readonly headers: string;
  readonly published_at: number;
}

export interface SafeOffsetRow {
  readonly topic: string;
  readonly partition: number;
  readonly safe_offset: number;
}
