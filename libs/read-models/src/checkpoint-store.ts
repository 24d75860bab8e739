import { CHECKPOINTS_COLLECTION, internalReadModel } from './read-model';
import type { CheckpointStore, ReadModelCollection } from './read-model-store.port';
import { InvalidReadModelArgumentError } from './read-model.errors';

interface CheckpointDoc {
  readonly position: number;
}

export const checkpointsReadModel = internalReadModel<CheckpointDoc>(CHECKPOINTS_COLLECTION, []);

const PROJECTION_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;

function assertProjectionName(projection: string): void {
  if (!PROJECTION_NAME.test(projection)) {
    throw new InvalidReadModelArgumentError(`${JSON.stringify(projection)} is not a projection name`);
  }
}

/**
 * Checkpoints kept as documents of the store itself (one per projection, id = its name),
 * written with the position as their version: advancing is a version-guarded upsert, so a
 * checkpoint never moves back and the same position written twice changes nothing.
 */
export class CollectionCheckpointStore implements CheckpointStore {
  constructor(private readonly collection: () => Promise<ReadModelCollection<CheckpointDoc>>) {}

  async get(projection: string): Promise<number | null> {
    assertProjectionName(projection);
    const checkpoints = await this.collection();
    return (await checkpoints.get(projection))?.position ?? null;
  }

  async advance(projection: string, position: number): Promise<boolean> {
    assertProjectionName(projection);
    const checkpoints = await this.collection();
    return (await checkpoints.upsert(projection, { position }, { version: position })) === 'applied';
  }

  async reset(projection: string): Promise<void> {
    assertProjectionName(projection);
    const checkpoints = await this.collection();
    await checkpoints.delete(projection);
  }
}
