import type { ReadModelDefinition } from './read-model';
import type { ReadModelFilter, ReadModelSort } from './read-model-filter';
import type { ReadModelPatch } from './read-model-patch';

export const READ_MODEL_STORE = Symbol('ReadModelStore');

/** A stored document with its id and the version (event position) of the write that left it so. */
export interface StoredDocument<TDoc> {
  readonly id: string;
  /** null when the last write carried no version. */
  readonly version: number | null;
  readonly doc: TDoc;
}

export interface FindOptions<TDoc> {
  readonly sort?: ReadModelSort<TDoc>;
  /** At most this many documents (a positive integer); all by default. */
  readonly limit?: number;
  readonly skip?: number;
}

/**
 * Guards a write with the position of the event that causes it: the write happens only when
 * the stored document's version is lower (or absent), and leaves this version on it. Applying
 * the same event twice then changes nothing.
 */
export interface VersionedWrite {
  readonly version?: number;
}

/** `applied`: written. `stale`: the stored version was not lower, nothing changed. `missing`: no such document. */
export type WriteOutcome = 'applied' | 'stale' | 'missing';
export type UpsertOutcome = Exclude<WriteOutcome, 'missing'>;

/** One read model's documents. Ids are non-empty strings; documents are plain JSON objects. */
export interface ReadModelCollection<TDoc extends object> {
  readonly name: string;
  get(id: string): Promise<TDoc | null>;
  /** The document with its version. */
  read(id: string): Promise<StoredDocument<TDoc> | null>;
  find(filter?: ReadModelFilter<TDoc>, options?: FindOptions<TDoc>): Promise<TDoc[]>;
  count(filter?: ReadModelFilter<TDoc>): Promise<number>;
  /** Creates or replaces the whole document. */
  upsert(id: string, doc: TDoc, options?: VersionedWrite): Promise<UpsertOutcome>;
  /** Changes part of an existing document; never creates one. */
  patch(id: string, patch: ReadModelPatch<TDoc>, options?: VersionedWrite): Promise<WriteOutcome>;
  delete(id: string, options?: VersionedWrite): Promise<WriteOutcome>;
  /** Deletes the matching documents (all of them for `{}`) and says how many. */
  deleteMany(filter: ReadModelFilter<TDoc>): Promise<number>;
  /** Removes every document, keeping the collection and its indexes ready for a rebuild. */
  drop(): Promise<void>;
  /** Every document in id order (by UTF-8 bytes), read in batches. */
  entries(options?: { readonly batchSize?: number }): AsyncIterable<StoredDocument<TDoc>>;
}

/** Where each named projection has got to in the global event order. */
export interface CheckpointStore {
  get(projection: string): Promise<number | null>;
  /** Moves the checkpoint forward; false (and no change) when it is already at or past `position`. */
  advance(projection: string, position: number): Promise<boolean>;
  /** Forgets the checkpoint, for a rebuild from the start. */
  reset(projection: string): Promise<void>;
}

export interface ReadModelStoreCapabilities {
  /**
   * A version-guarded write checks and writes in one atomic step, so concurrent writes of
   * different versions to one document always keep the highest. True for SQLite and MongoDB.
   * FerretDB 1.x reads then writes: concurrent duplicates of one event still end the same,
   * but concurrent different versions may not; run one instance of each projection there.
   */
  readonly atomicConditionalWrites: boolean;
}

export interface ReadModelStore {
  readonly capabilities: ReadModelStoreCapabilities;
  readonly checkpoints: CheckpointStore;
  /** The collection of a read model, created with its indexes (obsolete indexes are dropped). */
  collection<TDoc extends object>(model: ReadModelDefinition<TDoc>): Promise<ReadModelCollection<TDoc>>;
  close(): Promise<void>;
}
