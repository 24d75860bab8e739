import type { RecordedEvent } from '@portal/event-sourcing';
import type { ReadModelDefinition, ReadModelStore } from '@portal/read-models';

/**
 * A read model kept up to date from events. Written once against the read-model store port,
 * it runs the same on the embedded store and on MongoDB, live from the bus or in a replay.
 */
export interface Projection {
  /** Names its consumer group and its checkpoint. */
  readonly name: string;
  /** The domain topics (`portal.<domain>.events`) whose events it reads. */
  readonly topics: readonly string[];
  /** What it writes: emptied before a rebuild. */
  readonly readModels: readonly ReadModelDefinition<object>[];
  /**
   * Applies one event. It must be idempotent: write with `{ version: event.globalPosition }`
   * so that an event delivered twice changes nothing. Events it does not know are ignored.
   */
  apply(event: RecordedEvent, store: ReadModelStore): Promise<void>;
}
