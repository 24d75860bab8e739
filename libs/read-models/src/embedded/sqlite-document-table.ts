import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { isStale, type DocumentQuery, type DocumentRow, type DocumentTable } from '../document-table';
import { assertDocumentSize, type JsonObject } from '../json-document';
import type { Predicate } from '../read-model-filter';
import { applyPatch, type NormalizedPatch } from '../read-model-patch';
import type { UpsertOutcome, WriteOutcome } from '../read-model-store.port';
import { settle } from '@portal/sqlite';
import { translatingDuplicates } from './sqlite-errors';
import { inImmediateTransaction } from '@portal/sqlite';
import { orderClause, whereClause } from './sqlite-query';

interface Row {
  readonly id: string;
  readonly version: number | null;
  readonly data: string;
}

const toDocumentRow = (row: Row): DocumentRow => ({
  id: row.id,
  version: row.version,
  doc: JSON.parse(row.data) as JsonObject,
});

function statementsFor(db: DatabaseSync, table: string) {
  const t = `"${table}"`;
  const prepare = (sql: string): StatementSync => db.prepare(sql);
  return {
    get: prepare(`SELECT id, version, data FROM ${t} WHERE id = ?`),
    upsertIfOlder: prepare(`INSERT INTO ${t} (id, version, data) VALUES (?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET version = excluded.version, data = excluded.data
      WHERE ${t}.version IS NULL OR ${t}.version < excluded.version`),
    upsert: prepare(`INSERT INTO ${t} (id, version, data) VALUES (?, NULL, ?)
      ON CONFLICT (id) DO UPDATE SET version = NULL, data = excluded.data`),
    update: prepare(`UPDATE ${t} SET version = ?, data = ? WHERE id = ?`),
    deleteIfOlder: prepare(`DELETE FROM ${t} WHERE id = ? AND (version IS NULL OR version < ?)`),
    delete: prepare(`DELETE FROM ${t} WHERE id = ?`),
    deleteAll: prepare(`DELETE FROM ${t}`),
    page: prepare(`SELECT id, version, data FROM ${t} WHERE id > ? ORDER BY id LIMIT ?`),
  };
}

/**
 * One collection as a SQLite table `(id, version, data)` with the document as JSON text.
 * A guarded upsert is one INSERT … ON CONFLICT DO UPDATE … WHERE version < ?, atomic by
 * itself; a patch reads, applies and writes inside one IMMEDIATE transaction.
 */
export class SqliteDocumentTable implements DocumentTable {
  private readonly statements: ReturnType<typeof statementsFor>;

  constructor(
    private readonly db: DatabaseSync,
    private readonly collection: string,
    private readonly table: string,
  ) {
    this.statements = statementsFor(db, table);
  }

  get(id: string): Promise<DocumentRow | null> {
    return settle(() => this.row(id));
  }

  find(query: DocumentQuery): Promise<DocumentRow[]> {
    return settle(() => {
      const where = whereClause(query.predicates);
      const sql = `SELECT id, version, data FROM "${this.table}" ${where.sql} ${orderClause(query.sort)} LIMIT ? OFFSET ?`;
      const rows = this.db.prepare(sql).all(...where.params, query.limit ?? -1, query.skip) as unknown as Row[];
      return rows.map(toDocumentRow);
    });
  }

  count(predicates: readonly Predicate[]): Promise<number> {
    return settle(() => {
      const where = whereClause(predicates);
      const row = this.db.prepare(`SELECT count(*) AS n FROM "${this.table}" ${where.sql}`).get(...where.params);
      return Number((row as { n: number }).n);
    });
  }

  upsert(id: string, doc: JsonObject, version: number | null): Promise<UpsertOutcome> {
    return settle(() =>
      translatingDuplicates(this.collection, id, () => {
        const data = JSON.stringify(doc);
        if (version === null) this.statements.upsert.run(id, data);
        else if (this.statements.upsertIfOlder.run(id, version, data).changes === 0) return 'stale';
        return 'applied';
      }),
    );
  }

  patch(id: string, patch: NormalizedPatch, version: number | null): Promise<WriteOutcome> {
    return settle(() =>
      inImmediateTransaction(this.db, () => {
        const row = this.row(id);
        if (row === null) return 'missing';
        if (isStale(row.version, version)) return 'stale';
        const doc = applyPatch(row.doc, patch, { collection: this.collection, id });
        assertDocumentSize(this.collection, id, doc);
        const data = JSON.stringify(doc);
        translatingDuplicates(this.collection, id, () => this.statements.update.run(version ?? row.version, data, id));
        return 'applied';
      }),
    );
  }

  delete(id: string, version: number | null): Promise<WriteOutcome> {
    return settle(() => {
      const { changes } =
        version === null ? this.statements.delete.run(id) : this.statements.deleteIfOlder.run(id, version);
      if (changes > 0) return 'applied';
      return this.row(id) === null ? 'missing' : 'stale';
    });
  }

  deleteMany(predicates: readonly Predicate[]): Promise<number> {
    return settle(() => {
      const where = whereClause(predicates);
      return Number(this.db.prepare(`DELETE FROM "${this.table}" ${where.sql}`).run(...where.params).changes);
    });
  }

  drop(): Promise<void> {
    return settle(() => {
      this.statements.deleteAll.run();
    });
  }

  page(afterId: string | null, limit: number): Promise<DocumentRow[]> {
    return settle(() => (this.statements.page.all(afterId ?? '', limit) as unknown as Row[]).map(toDocumentRow));
  }

  private row(id: string): DocumentRow | null {
    const row = this.statements.get.get(id) as Row | undefined;
    return row === undefined ? null : toDocumentRow(row);
  }
}
