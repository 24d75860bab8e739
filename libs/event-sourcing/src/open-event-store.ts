import type { UpcasterRegistry } from './domain/upcaster-registry';
import { InvalidEventStoreArgumentError } from './event-store/event-store.errors';
import type { EventStore } from './event-store/event-store.port';
import { embeddedEventStorePath, SqliteEventStore } from './embedded/sqlite-event-store';
import { assertNever } from './domain/exhaustive';

/** The part of a service's configuration that chooses and reaches the event store. */
export interface EventStoreSettings {
  readonly EVENT_STORE: 'embedded' | 'postgres' | 'eventstoredb';
  readonly DATA_DIR: string;
  readonly DATABASE_URL?: URL | undefined;
  readonly EVENTSTORE_CONNECTION_STRING?: URL | undefined;
}

export interface OpenEventStoreOptions {
  readonly upcasters?: UpcasterRegistry;
  readonly clock?: () => Date;
}

function required(url: URL | undefined, variable: string): string {
  if (url === undefined) throw new InvalidEventStoreArgumentError(`${variable} is required for this EVENT_STORE`);
  return url.href;
}

/**
 * Opens the adapter the configuration names: SQLite under DATA_DIR, PostgreSQL or KurrentDB. The
 * PostgreSQL and KurrentDB adapters, and their drivers, are loaded only when named.
 */
export async function openEventStore(
  settings: EventStoreSettings,
  options: OpenEventStoreOptions = {},
): Promise<EventStore> {
  switch (settings.EVENT_STORE) {
    case 'embedded':
      return SqliteEventStore.open({ path: embeddedEventStorePath(settings.DATA_DIR), ...options });
    case 'postgres': {
      const connectionString = required(settings.DATABASE_URL, 'DATABASE_URL');
      const { PostgresEventStore } = await import('./postgres/postgres-event-store');
      return PostgresEventStore.open({ connectionString, ...options });
    }
    case 'eventstoredb': {
      const connectionString = required(settings.EVENTSTORE_CONNECTION_STRING, 'EVENTSTORE_CONNECTION_STRING');
      const { KurrentDbEventStore } = await import('./kurrentdb/kurrentdb-event-store');
      return KurrentDbEventStore.open({ connectionString, ...options });
    }
    default:
      return assertNever(settings.EVENT_STORE, 'EVENT_STORE');
  }
}
