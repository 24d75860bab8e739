import type { DatabaseSync } from 'node:sqlite';
import type { ResolvedIndex } from '../read-model';
import { fieldExpression } from './sqlite-query';

/** The table of a collection (collection names are validated lower-case identifiers). */
export const tableName = (collection: string): string => `rm_${collection}`;

export const createTableSql = (table: string): string =>
  `CREATE TABLE IF NOT EXISTS "${table}" (id TEXT PRIMARY KEY NOT NULL, version INTEGER, data TEXT NOT NULL) STRICT`;

/** The CREATE statement exactly as SQLite keeps it in sqlite_master, to tell a changed index. */
function indexSql(table: string, index: ResolvedIndex): string {
  const columns = index.fields.map((field) => `${fieldExpression(field.path)}${field.direction === -1 ? ' DESC' : ''}`);
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX "${table}__${index.name}" ON "${table}" (${columns.join(', ')})`;
}

interface IndexRow {
  readonly name: string;
  readonly sql: string;
}

/**
 * Makes the table's expression indexes those declared: creates the missing ones, recreates
 * the changed ones and drops the ones no longer declared. Run inside a transaction.
 */
export function syncIndexes(db: DatabaseSync, table: string, indexes: readonly ResolvedIndex[]): void {
  const existing = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
    .all(table) as unknown as IndexRow[];
  const wanted = new Map(indexes.map((index) => [`${table}__${index.name}`, indexSql(table, index)]));
  for (const row of existing) {
    if (wanted.get(row.name) !== row.sql) db.exec(`DROP INDEX "${row.name}"`);
  }
  for (const [name, sql] of wanted) {
    if (!existing.some((row) => row.name === name && row.sql === sql)) db.exec(sql);
  }
}
