import type { ExpectedRevision, GlobalPosition, NewEvent, RecordedEvent } from '../domain/event-envelope';

/** The DI token the event store is bound to; services depend on the EventStore interface. */
export const EVENT_STORE = Symbol('EventStore');

/**
 * Makes an append idempotent: the first append with a key is recorded atomically with its
 * events; a later one with the same key and fingerprint appends nothing and returns the
 * first result; the same key with another fingerprint is refused.
 */
export interface IdempotencyOptions {
  readonly key: string;
  /** A hash of the command the key was sent with. */
  readonly fingerprint: string;
}

export interface AppendOptions {
  /** Optimistic concurrency check; `any` when omitted. */
  readonly expectedRevision?: ExpectedRevision;
  readonly idempotency?: IdempotencyOptions;
}

export interface AppendResult {
  /** `duplicate`: the idempotency key had been handled; nothing was appended this time. */
  readonly outcome: 'appended' | 'duplicate';
  /** The stream's revision after the append (its last event), or null if it has no events. */
  readonly streamRevision: number | null;
  /** The events this append (or, for a duplicate, the first one) recorded, in order. */
  readonly events: readonly RecordedEvent[];
}

/** What the store remembers of a handled idempotency key. */
export interface IdempotencyRecord {
  readonly key: string;
  readonly fingerprint: string;
  readonly streamId: string;
  /** Revision of the first event the keyed append recorded; null when it recorded none. */
  readonly firstRevision: number | null;
  readonly eventCount: number;
}

export interface ReadStreamOptions {
  /** Inclusive; 0 by default. */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: a checkpoint, the position of the last event already handled. From the start when omitted. */
  readonly after?: GlobalPosition;
  /** Page size; 500 by default. */
  readonly maxCount?: number;
}

export interface ReadAllPage {
  readonly events: readonly RecordedEvent[];
  /** Where the next page starts (`after`): the last event's position, or the given checkpoint. */
  readonly checkpoint: GlobalPosition | undefined;
  /** No event after this page was visible when it was read. */
  readonly isEnd: boolean;
}

export interface SubscribeOptions {
  /** Checkpoint: the position of the last event handled. From the start when omitted. */
  readonly after?: GlobalPosition;
  /** Awaited before the next event is delivered; a throw ends the subscription as failed. */
  readonly onEvent: (event: RecordedEvent) => Promise<void> | void;
  readonly pageSize?: number;
}

export type SubscriptionEnd = { readonly reason: 'stopped' } | { readonly reason: 'failed'; readonly error: unknown };

/**
 * Delivers every event after the checkpoint exactly once, in global order: first those
 * already stored, then each new one as it is appended, until stopped.
 */
export interface Subscription {
  /**
   * Stops after the event being handled, if any; resolves once no more will be delivered.
   * Called from inside onEvent it must not be awaited there (it settles after onEvent returns).
   */
  stop(): Promise<SubscriptionEnd>;
  /** Settles (never rejects) when the subscription ends, by stop() or by a failure. */
  readonly ended: Promise<SubscriptionEnd>;
}

/** The port every event store adapter implements and the shared contract suite checks. */
export interface EventStore {
  /**
   * Appends atomically. Throws WrongExpectedRevisionError when the stream is not at the
   * expected revision, InvalidStreamNameError for a malformed name, and
   * IdempotencyKeyReusedError for a key already used with another fingerprint.
   */
  append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /** One stream forward from a revision; an empty list for a stream that does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<readonly RecordedEvent[]>;
  /** One page of all events in global order. */
  readAll(options?: ReadAllOptions): Promise<ReadAllPage>;
  subscribeToAll(options: SubscribeOptions): Subscription;
  /** The global position of the newest event, null when the store is empty (for lag). */
  headPosition(): Promise<GlobalPosition | null>;
  readIdempotencyRecord(key: string): Promise<IdempotencyRecord | null>;
  /** Stops subscriptions and releases connections and files. */
  close(): Promise<void>;
}
