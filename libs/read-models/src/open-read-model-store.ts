import { embeddedReadModelStorePath, EmbeddedReadModelStore } from './embedded/embedded-read-model-store';
import type { ReadModelStore } from './read-model-store.port';
import { InvalidReadModelArgumentError } from './read-model.errors';

/** The part of a service's configuration that chooses and reaches the read-model store. */
export interface ReadModelStoreSettings {
  readonly READ_STORE: 'embedded' | 'mongodb';
  readonly DATA_DIR: string;
  readonly MONGODB_URI?: URL | undefined;
}

/** Opens the adapter the configuration names: SQLite under DATA_DIR, or MongoDB (its driver loaded only then). */
export async function openReadModelStore(settings: ReadModelStoreSettings): Promise<ReadModelStore> {
  if (settings.READ_STORE === 'embedded') {
    return EmbeddedReadModelStore.open({ path: embeddedReadModelStorePath(settings.DATA_DIR) });
  }
  if (settings.MONGODB_URI === undefined) {
    throw new InvalidReadModelArgumentError('MONGODB_URI is required when READ_STORE=mongodb');
  }
  const { MongoReadModelStore } = await import('./mongo/mongo-read-model-store');
  return MongoReadModelStore.connect({ uri: settings.MONGODB_URI.href });
}
