import { createHash } from 'node:crypto';
import { canonicalJson, type JsonObject } from './json-document';
import type { ReadModelCollection } from './read-model-store.port';

/**
 * A sha256 (hex) over every document of a collection in id order: one canonical JSON line
 * `[id, version, doc]` per document, keys sorted. Equal contents give equal hashes on every
 * adapter, so a rebuilt read model can be compared with the incrementally built one.
 */
export async function hashReadModel(collection: ReadModelCollection<object>): Promise<string> {
  const hash = createHash('sha256');
  for await (const { id, version, doc } of collection.entries()) {
    hash.update(canonicalJson([id, version, doc as JsonObject]));
    hash.update('\n');
  }
  return hash.digest('hex');
}
