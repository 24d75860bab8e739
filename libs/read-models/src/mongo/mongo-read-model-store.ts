import { createConnection, type Connection } from 'mongoose';
import { DocumentReadModelStore } from '../document-read-model-store';
import type { DocumentTable } from '../document-table';
import type { ReadModelDefinition } from '../read-model';
import type { ReadModelStoreCapabilities } from '../read-model-store.port';
import { MongoDocumentTable } from './mongo-document-table';
import type { MongoRow } from './mongo-query';
import { prepareCollection, readModelModel } from './mongo-schema';

export interface MongoReadModelStoreOptions {
  /** `mongodb://host:port/db`; the database named there unless `dbName` is given. */
  readonly uri: string;
  readonly dbName?: string;
  /** How long to look for a server before failing; 10 s by default. */
  readonly serverSelectionTimeoutMS?: number;
}

/**
 * The read-model store on MongoDB through mongoose: a collection per read model, declared as
 * a mongoose schema with its indexes. It keeps to what FerretDB 1.24 also serves (no
 * transactions, aggregation, TTL or partial indexes), so its contract suite runs there.
 */
export class MongoReadModelStore extends DocumentReadModelStore {
  private constructor(
    private readonly connection: Connection,
    readonly capabilities: ReadModelStoreCapabilities,
  ) {
    super();
  }

  static async connect(options: MongoReadModelStoreOptions): Promise<MongoReadModelStore> {
    const connection = await createConnection(options.uri, {
      ...(options.dbName === undefined ? {} : { dbName: options.dbName }),
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
      autoIndex: false,
      autoCreate: false,
    }).asPromise();
    try {
      // FerretDB answers buildInfo with its own version; it evaluates a conditional write's
      // filter and then writes, in two steps.
      const info = await connection.getClient().db('admin').command({ buildInfo: 1 });
      return new MongoReadModelStore(connection, { atomicConditionalWrites: !('ferretdbVersion' in info) });
    } catch (error) {
      await connection.close();
      throw error;
    }
  }

  protected async openTable(definition: ReadModelDefinition<object>): Promise<DocumentTable> {
    const model = readModelModel(this.connection, definition);
    await prepareCollection(model);
    const db = this.connection.db;
    if (db === undefined) throw new Error(`MongoDB connection to ${this.connection.name} is not open`);
    return new MongoDocumentTable(model, db.collection<MongoRow>(definition.name), definition.name);
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
