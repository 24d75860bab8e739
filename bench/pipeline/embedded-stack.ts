import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@portal/event-sourcing';
import { InProcessBus, silentBusLogger } from '@portal/messaging';
import { EmbeddedReadModelStore } from '@portal/read-models';
import type { PipelineStores } from './lag-measurement';

export interface EmbeddedStores extends PipelineStores {
  readonly eventStore: SqliteEventStore;
  readonly readStore: EmbeddedReadModelStore;
  /** Closes the stores and removes their folder. */
  close(): Promise<void>;
}

/**
 * The embedded pipeline as `npm start` runs it: event store, bus and read models each in a
 * SQLite file (their defaults: WAL, synchronous=NORMAL) in a fresh temporary folder.
 */
export function openEmbeddedStores(): EmbeddedStores {
  const directory = mkdtempSync(join(tmpdir(), 'bench-pipeline-'));
  const eventStore = SqliteEventStore.open({ path: join(directory, 'events.sqlite') });
  const bus = InProcessBus.open({ path: join(directory, 'bus.sqlite'), logger: silentBusLogger });
  const readStore = EmbeddedReadModelStore.open({ path: join(directory, 'read-models.sqlite') });
  return {
    eventStore,
    bus,
    readStore,
    close: async () => {
      await bus.close();
      await eventStore.close();
      await readStore.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
