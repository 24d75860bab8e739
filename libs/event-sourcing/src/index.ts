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
// The PostgreSQL and KurrentDB adapters are imported from `@portal/event-sourcing/postgres` and
// `@portal/event-sourcing/kurrentdb`, so that a process loads their drivers only when it uses them.
export { openEventStore, type EventStoreSettings, type OpenEventStoreOptions } from './open-event-store';
export { uuidv7 } from './ids/uuid-v7';
