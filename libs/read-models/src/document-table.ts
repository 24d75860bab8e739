import type { JsonObject } from './json-document';
import type { Predicate, SortKey } from './read-model-filter';
import type { NormalizedPatch } from './read-model-patch';
import type { UpsertOutcome, WriteOutcome } from './read-model-store.port';

/** A stored row as an adapter returns it. */
export interface DocumentRow {
  readonly id: string;
  readonly version: number | null;
  readonly doc: JsonObject;
}

export interface DocumentQuery {
  readonly predicates: readonly Predicate[];
  readonly sort: readonly SortKey[];
  readonly limit: number | undefined;
  readonly skip: number;
}

/**
 * What an adapter implements for one collection. Arguments arrive validated and normalized
 * (ReadModelCollection does that once for every adapter); a version of null means an
 * unguarded write.
 */
export interface DocumentTable {
  get(id: string): Promise<DocumentRow | null>;
  find(query: DocumentQuery): Promise<DocumentRow[]>;
  count(predicates: readonly Predicate[]): Promise<number>;
  upsert(id: string, doc: JsonObject, version: number | null): Promise<UpsertOutcome>;
  patch(id: string, patch: NormalizedPatch, version: number | null): Promise<WriteOutcome>;
  delete(id: string, version: number | null): Promise<WriteOutcome>;
  deleteMany(predicates: readonly Predicate[]): Promise<number>;
  drop(): Promise<void>;
  /** Up to `limit` rows with ids after `afterId` (from the first when null), in id order. */
  page(afterId: string | null, limit: number): Promise<DocumentRow[]>;
}

/** True when a stored version means a write at `version` must be skipped. */
export function isStale(stored: number | null, version: number | null): boolean {
  return version !== null && stored !== null && stored >= version;
}
