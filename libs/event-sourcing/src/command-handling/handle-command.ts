import { foldEvents, type Decider } from '../domain/decider';
import type { DomainEvent, EventMetadata, NewEvent, RecordedEvent } from '../domain/event-envelope';
import {
  ConcurrencyConflictError,
  IdempotencyKeyReusedError,
  WrongExpectedRevisionError,
} from '../event-store/event-store.errors';
import type { EventStore, IdempotencyOptions } from '../event-store/event-store.port';
import { uuidv7 } from '../ids/uuid-v7';
import { commandFingerprint } from './command-fingerprint';

const DEFAULT_MAX_ATTEMPTS = 5;
const MAX_JITTER_MS = 10;

/** The stored form of one of a decider's events. */
export type RecordedEventOf<E extends DomainEvent> =
  E extends DomainEvent<infer T, infer D> ? RecordedEvent<T, D> : never;

export interface HandleCommandOptions<Command, Event extends DomainEvent, State> {
  readonly store: EventStore;
  readonly streamName: string;
  readonly decider: Decider<Command, Event, State>;
  readonly command: Command;
  /** Stamped on every event the command causes. */
  readonly metadata: EventMetadata;
  /** Decisions tried before giving up with EVENT_STORE.CONFLICT; 5 by default. */
  readonly maxAttempts?: number;
  /**
   * A command sent again with the same key returns the first result and appends nothing.
   * The fingerprint is taken of `payload` (the command by default): pass what identifies the
   * request, e.g. its body, when the command holds values made per attempt such as a time.
   */
  readonly idempotency?: { readonly key: string; readonly payload?: unknown };
  /** Time for the events' ids and recorded time; the system clock by default. */
  readonly clock?: () => Date;
}

export interface CommandResult<Event extends DomainEvent, State> {
  readonly events: readonly RecordedEventOf<Event>[];
  /** The aggregate's state after the command's events. */
  readonly state: State;
  /** The stream's revision after the command, null if it still has no events. */
  readonly streamRevision: number | null;
  /** The idempotency key had been handled before: `events` are the first call's. */
  readonly replayed: boolean;
}

const toDomainEvent = <E extends DomainEvent>(event: RecordedEvent): E => ({ type: event.type, data: event.data }) as E;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function load<C, E extends DomainEvent, S>(
  store: EventStore,
  streamName: string,
  decider: Decider<C, E, S>,
): Promise<{ state: S; revision: number | null; events: readonly RecordedEvent[] }> {
  const events = await store.readStream(streamName);
  const state = foldEvents(decider, events.map(toDomainEvent<E>));
  return { state, revision: events.at(-1)?.streamRevision ?? null, events };
}

/** The first result of a handled idempotency key, or null when the key is new. */
async function replay<C, E extends DomainEvent, S>(
  options: HandleCommandOptions<C, E, S>,
  idempotency: IdempotencyOptions,
): Promise<CommandResult<E, S> | null> {
  const record = await options.store.readIdempotencyRecord(idempotency.key);
  if (record === null) return null;
  if (record.fingerprint !== idempotency.fingerprint || record.streamId !== options.streamName) {
    throw new IdempotencyKeyReusedError(idempotency.key);
  }
  const { state, revision, events } = await load(options.store, options.streamName, options.decider);
  const firstRevision = record.firstRevision;
  if (firstRevision === null) return { events: [], state, streamRevision: revision, replayed: true };
  const lastRevision = firstRevision + record.eventCount - 1;
  const upToLast = events.filter((event) => event.streamRevision <= lastRevision);
  return {
    events: upToLast.filter((event) => event.streamRevision >= firstRevision) as RecordedEventOf<E>[],
    state: foldEvents(options.decider, upToLast.map(toDomainEvent<E>)),
    streamRevision: lastRevision,
    replayed: true,
  };
}

async function attempt<C, E extends DomainEvent, S>(
  options: HandleCommandOptions<C, E, S>,
  idempotency: IdempotencyOptions | undefined,
): Promise<CommandResult<E, S>> {
  const { store, streamName, decider } = options;
  const { state, revision } = await load(store, streamName, decider);
  const decided = decider.decide(options.command, state);
  if (decided.length === 0 && idempotency === undefined) {
    return { events: [], state, streamRevision: revision, replayed: false };
  }
  const now = (options.clock ?? (() => new Date()))();
  const events: NewEvent[] = decided.map((event) => ({
    id: uuidv7(now),
    type: event.type,
    data: event.data,
    metadata: options.metadata,
    recordedAt: now.toISOString(),
  }));
  const expectedRevision = revision ?? 'no_stream';
  const result = await store.append(streamName, events, { expectedRevision, idempotency });
  if (result.outcome === 'duplicate') {
    // Another call with the same key committed between the check and this append.
    const first = idempotency && (await replay(options, idempotency));
    if (first) return first;
    const current = await load(store, streamName, decider);
    return {
      events: result.events as RecordedEventOf<E>[],
      state: current.state,
      streamRevision: result.streamRevision,
      replayed: true,
    };
  }
  return {
    events: result.events as RecordedEventOf<E>[],
    state: foldEvents(decider, decided, state),
    streamRevision: result.streamRevision,
    replayed: false,
  };
}

/**
 * The command path: load the stream, decide, append with the expected revision. When another
 * writer got there first, reload and decide again, up to `maxAttempts` decisions in all, then
 * throw ConcurrencyConflictError (EVENT_STORE.CONFLICT). Event ids (UUID v7) and the recorded
 * time are made here, never in the decider.
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  options: HandleCommandOptions<Command, Event, State>,
): Promise<CommandResult<Event, State>> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const idempotency = options.idempotency && {
    key: options.idempotency.key,
    fingerprint: commandFingerprint(options.idempotency.payload ?? options.command),
  };
  for (let attempts = 1; ; attempts += 1) {
    const replayed = idempotency && (await replay(options, idempotency));
    if (replayed) return replayed;
    try {
      return await attempt(options, idempotency);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (attempts >= maxAttempts) throw new ConcurrencyConflictError(options.streamName, attempts, error);
      await sleep(Math.random() * Math.min(MAX_JITTER_MS, attempts * 2));
    }
  }
}
