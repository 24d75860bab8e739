import { mongo, type Model } from 'mongoose';
import { isStale, type DocumentQuery, type DocumentRow, type DocumentTable } from '../document-table';
import type { JsonObject } from '../json-document';
import type { Predicate } from '../read-model-filter';
import type { NormalizedPatch } from '../read-model-patch';
import type { UpsertOutcome, WriteOutcome } from '../read-model-store.port';
import { ReadModelDocumentTooLargeError, ReadModelDuplicateError } from '../read-model.errors';
import { isDuplicateKey, NAMESPACE_NOT_FOUND, serverErrorCode, translateWriteError } from './mongo-errors';
import { mongoFilter, mongoSort, mongoUpdate, writeGuard, type MongoRow } from './mongo-query';
import { prepareCollection } from './mongo-schema';

/** MongoDB's limit on one document. */
const MAX_BSON_BYTES = 16 * 1024 * 1024;
/** A duplicate-key error on an upsert may be a race on `_id`; the write is tried this many times. */
const UPSERT_ATTEMPTS = 3;

function toDocumentRow({ _id, _version, ...doc }: MongoRow): DocumentRow {
  return { id: _id, version: _version ?? null, doc: doc as JsonObject };
}

/**
 * One read model as a MongoDB collection of `{ _id, _version, ...document }`, written
 * through the driver collection of the mongoose connection (filters reach the server as
 * written). A guarded write is a conditional replaceOne/updateOne/deleteOne filtered on
 * `_version`; an upsert that finds a newer document fails on `_id` and reports `stale`.
 */
export class MongoDocumentTable implements DocumentTable {
  constructor(
    private readonly model: Model<MongoRow>,
    private readonly collection: mongo.Collection<MongoRow>,
    private readonly name: string,
  ) {}

  async get(id: string): Promise<DocumentRow | null> {
    const row = await this.collection.findOne({ _id: id });
    return row === null ? null : toDocumentRow(row);
  }

  async find(query: DocumentQuery): Promise<DocumentRow[]> {
    const cursor = this.collection.find(mongoFilter(query.predicates), {
      sort: mongoSort(query.sort),
      skip: query.skip,
      ...(query.limit === undefined ? {} : { limit: query.limit }),
    });
    return (await cursor.toArray()).map(toDocumentRow);
  }

  count(predicates: readonly Predicate[]): Promise<number> {
    return this.collection.countDocuments(mongoFilter(predicates));
  }

  async upsert(id: string, doc: JsonObject, version: number | null): Promise<UpsertOutcome> {
    const replacement = { ...doc, _version: version };
    const bytes = mongo.BSON.calculateObjectSize(replacement);
    if (bytes > MAX_BSON_BYTES) throw new ReadModelDocumentTooLargeError(this.name, id, bytes, MAX_BSON_BYTES);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.collection.replaceOne(writeGuard(id, version), replacement, { upsert: true });
        return 'applied';
      } catch (error) {
        if (!isDuplicateKey(error)) throw translateWriteError(error, this.name, id);
        // Either the document exists with a version at least ours (our upsert then tried an
        // insert), a concurrent upsert inserted it first, or another document holds a key of
        // a unique index. The server's error does not say which (FerretDB names no index).
        const current = await this.get(id);
        if (current !== null && isStale(current.version, version)) return 'stale';
        if (attempt === UPSERT_ATTEMPTS) throw new ReadModelDuplicateError(this.name, id, error);
      }
    }
  }

  async patch(id: string, patch: NormalizedPatch, version: number | null): Promise<WriteOutcome> {
    try {
      const { matchedCount } = await this.collection.updateOne(writeGuard(id, version), mongoUpdate(patch, version));
      if (matchedCount > 0) return 'applied';
    } catch (error) {
      throw translateWriteError(error, this.name, id);
    }
    return (await this.get(id)) === null ? 'missing' : 'stale';
  }

  async delete(id: string, version: number | null): Promise<WriteOutcome> {
    const { deletedCount } = await this.collection.deleteOne(writeGuard(id, version));
    if (deletedCount > 0) return 'applied';
    return (await this.get(id)) === null ? 'missing' : 'stale';
  }

  async deleteMany(predicates: readonly Predicate[]): Promise<number> {
    return (await this.collection.deleteMany(mongoFilter(predicates))).deletedCount;
  }

  async drop(): Promise<void> {
    try {
      await this.collection.drop();
    } catch (error) {
      // Already gone (MongoDB before 7.0 says so for a collection that does not exist).
      if (serverErrorCode(error) !== NAMESPACE_NOT_FOUND) throw error;
    }
    await prepareCollection(this.model);
  }

  async page(afterId: string | null, limit: number): Promise<DocumentRow[]> {
    const rows = await this.collection.find({ _id: { $gt: afterId ?? '' } }, { sort: { _id: 1 }, limit }).toArray();
    return rows.map(toDocumentRow);
  }
}
