import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';

/**
 * How hard each commit is pushed to disk. `normal` (WAL): a commit survives a crash of the
 * process, the last few may be lost on power loss. `full`: every commit is fsynced.
 */
export type SqliteSynchronous = 'normal' | 'full';

/** Opens (creating its folder) a SQLite file of the embedded stores: WAL, busy timeout set. */
export function openSqliteDatabase(path: string, synchronous: SqliteSynchronous = 'normal'): DatabaseSync {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(`PRAGMA synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  db.exec('PRAGMA busy_timeout = 5000');
  return db;
}

/** Runs work in an IMMEDIATE transaction: other connections wait (busy_timeout) until it ends. */
export function inImmediateTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** Prepares each statement of a name -> SQL map once. */
export function prepareStatements<Names extends string>(
  db: DatabaseSync,
  sql: Readonly<Record<Names, string>>,
): Record<Names, StatementSync> {
  const entries = Object.entries<string>(sql).map(([name, text]) => [name, db.prepare(text)] as const);
  return Object.fromEntries(entries) as Record<Names, StatementSync>;
}
