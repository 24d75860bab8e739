import { checkpointsReadModel, CollectionCheckpointStore } from './checkpoint-store';
import type { DocumentTable } from './document-table';
import { assertResolvedDefinition, type ReadModelDefinition } from './read-model';
import { ValidatedReadModelCollection } from './read-model-collection';
import type {
  CheckpointStore,
  ReadModelCollection,
  ReadModelStore,
  ReadModelStoreCapabilities,
} from './read-model-store.port';
import { InvalidReadModelArgumentError } from './read-model.errors';

interface OpenCollection {
  readonly signature: string;
  readonly collection: Promise<ReadModelCollection<object>>;
}

/**
 * What every adapter's store shares: collections opened once per name (a second definition
 * under the same name must declare the same indexes), and checkpoints kept in the store.
 */
export abstract class DocumentReadModelStore implements ReadModelStore {
  abstract readonly capabilities: ReadModelStoreCapabilities;
  readonly checkpoints: CheckpointStore = new CollectionCheckpointStore(() => this.collection(checkpointsReadModel));
  private readonly open = new Map<string, OpenCollection>();

  /** Creates the collection and its indexes if needed, and drops indexes no longer declared. */
  protected abstract openTable(definition: ReadModelDefinition<object>): Promise<DocumentTable>;

  abstract close(): Promise<void>;

  /** Async, so that a definition refused synchronously still reaches the caller as a rejection. */
  async collection<TDoc extends object>(model: ReadModelDefinition<TDoc>): Promise<ReadModelCollection<TDoc>> {
    return this.openOnce(model);
  }

  private openOnce<TDoc extends object>(model: ReadModelDefinition<TDoc>): Promise<ReadModelCollection<TDoc>> {
    assertResolvedDefinition(model);
    const signature = JSON.stringify(model.indexes);
    const known = this.open.get(model.name);
    if (known !== undefined) {
      if (known.signature !== signature) {
        throw new InvalidReadModelArgumentError(`read model ${model.name} is already open with other indexes`);
      }
      return known.collection as Promise<ReadModelCollection<TDoc>>;
    }
    const collection = this.openTable(model).then((table) => new ValidatedReadModelCollection<TDoc>(model, table));
    this.open.set(model.name, { signature, collection });
    // A failed open is forgotten so that a later call tries again; the caller still gets the rejection.
    void collection.catch(() => this.open.delete(model.name));
    return collection;
  }
}
