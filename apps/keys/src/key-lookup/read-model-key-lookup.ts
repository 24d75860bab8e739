import { Inject, Injectable } from '@nestjs/common';
import {
  type KeyLookup,
  type KeyRecord,
  type KeySnapshotPage,
  MAX_SNAPSHOT_PAGE,
  SECRET_HASH,
} from '@portal/contracts';
import { READ_MODEL_STORE, type ReadModelStore } from '@portal/read-models';
import { type ApiKeyDoc, apiKeysReadModel } from '../api-keys/api-keys.read-model';

const recordOf = (doc: ApiKeyDoc): KeyRecord => ({ key: doc.key, revision: doc.revision });

/**
 * KEY_LOOKUP answered from the api_keys read model: in process for a gateway in the same
 * process, and behind the internal HTTP routes for a gateway running alone.
 */
@Injectable()
export class ReadModelKeyLookup implements KeyLookup {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  async findBySecretHash(secretHash: string): Promise<KeyRecord | null> {
    if (!SECRET_HASH.test(secretHash)) return null;
    const keys = await this.store.collection(apiKeysReadModel);
    const [doc] = await keys.find({ secretHash }, { limit: 1 });
    return doc === undefined ? null : recordOf(doc);
  }

  async snapshotPage(after: string | null, limit: number): Promise<KeySnapshotPage> {
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_SNAPSHOT_PAGE) {
      throw new RangeError(`a snapshot page holds 1 to ${MAX_SNAPSHOT_PAGE} keys`);
    }
    const keys = await this.store.collection(apiKeysReadModel);
    const filter = after === null ? {} : { keyId: { $gt: after } };
    // One more than asked tells whether another page follows.
    const docs = await keys.find(filter, { sort: { keyId: 1 }, limit: limit + 1 });
    const page = docs.slice(0, limit);
    const next = docs.length > limit ? (page.at(-1)?.keyId ?? null) : null;
    return { keys: page.map(recordOf), next };
  }
}
