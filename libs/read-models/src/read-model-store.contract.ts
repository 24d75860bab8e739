import { checkpointsContract, entriesAndHashContract } from './contract/checkpoints-and-hash.contract';
import type { MakeReadModelStore } from './contract/contract-fixtures.contract';
import { documentsContract } from './contract/documents.contract';
import { idempotencyContract } from './contract/idempotency.contract';
import { indexesContract } from './contract/indexes.contract';
import { queriesContract } from './contract/queries.contract';

export type { MakeReadModelStore } from './contract/contract-fixtures.contract';

/**
 * The behaviour every ReadModelStore adapter must have. Each adapter's `*.int.spec.ts` calls
 * this with a factory that opens a store on one shared test database; every call must reach
 * the same data (some tests use two stores at once). Tests use collections and projection
 * names of their own, so the suite also runs on a shared server.
 */
export function readModelStoreContract(name: string, makeStore: MakeReadModelStore): void {
  describe(`${name} read-model store contract`, () => {
    documentsContract(makeStore);
    queriesContract(makeStore);
    idempotencyContract(makeStore);
    indexesContract(makeStore);
    checkpointsContract(makeStore);
    entriesAndHashContract(makeStore);
  });
}
