import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { inImmediateTransaction, openSqliteDatabase, type SqliteSynchronous } from '@portal/sqlite';
import type { DocumentTable } from '../document-table';
import { DocumentReadModelStore } from '../document-read-model-store';
import type { ReadModelDefinition } from '../read-model';
import type { ReadModelStoreCapabilities } from '../read-model-store.port';
import { settle } from '@portal/sqlite';
import { SqliteDocumentTable } from './sqlite-document-table';
import { translatingDuplicates } from './sqlite-errors';
import { createTableSql, syncIndexes, tableName } from './sqlite-indexes';

export interface EmbeddedReadModelStoreOptions {
  /** The database file; `:memory:` for a store that lives as long as the object. */
  readonly path: string;
  /** `normal` (the default) may lose the last commits on power loss, never on a process crash; `full` never. */
  readonly synchronous?: SqliteSynchronous;
}

/** Where the embedded read-model store keeps its file under the service's DATA_DIR. */
export const embeddedReadModelStorePath = (dataDir: string): string => join(dataDir, 'read-models.sqlite');

/**
 * The embedded read-model store: JSON documents in one SQLite file through Node's built-in
 * `node:sqlite`, in WAL mode, a table per read model with expression indexes on
 * `json_extract`. Several processes may open the same file.
 */
export class EmbeddedReadModelStore extends DocumentReadModelStore {
  readonly capabilities: ReadModelStoreCapabilities = { atomicConditionalWrites: true };

  private constructor(private readonly db: DatabaseSync) {
    super();
  }

  static open(options: EmbeddedReadModelStoreOptions): EmbeddedReadModelStore {
    return new EmbeddedReadModelStore(openSqliteDatabase(options.path, options.synchronous));
  }

  protected openTable(definition: ReadModelDefinition<object>): Promise<DocumentTable> {
    return settle(() => {
      const table = tableName(definition.name);
      inImmediateTransaction(this.db, () => {
        this.db.exec(createTableSql(table));
        translatingDuplicates(definition.name, null, () => syncIndexes(this.db, table, definition.indexes));
      });
      return new SqliteDocumentTable(this.db, definition.name, table);
    });
  }

  close(): Promise<void> {
    return settle(() => {
      if (this.db.isOpen) this.db.close();
    });
  }
}
