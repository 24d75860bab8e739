export * from './domain/index';
export {
  handleCommand,
  type CommandResult,
  type HandleCommandOptions,
  type RecordedEventOf,
} from './command-handling/handle-command';
export { commandFingerprint } from './command-handling/command-fingerprint';
export {
  ConcurrencyConflictError,
  IdempotencyKeyReusedError,
  InvalidEventStoreArgumentError,
  WrongExpectedRevisionError,
} from './event-store/event-store.errors';
export {
  EVENT_STORE,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type IdempotencyOptions,
  type IdempotencyRecord,
  type ReadAllOptions,
  type ReadAllPage,
  type ReadStreamOptions,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionEnd,
} from './event-store/event-store.port';
export { embeddedEventStorePath, SqliteEventStore, type SqliteEventStoreOptions } from './embedded/sqlite-event-store';
export type { SqliteSynchronous } from './embedded/sqlite-schema';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb/kurrentdb-event-store';
export { openEventStore, type EventStoreSettings, type OpenEventStoreOptions } from './open-event-store';
export { uuidv7 } from './ids/uuid-v7';
