/** Who caused a change: a signed-in person, a partner application's API key, or the platform. */
export type ActorKind = 'user' | 'api_key' | 'system';

/** Recorded with every event: who, on whose behalf, in answer to what, from where. */
export interface EventMetadata {
  readonly actorId: string;
  readonly actorKind: ActorKind;
  /** The team the change belongs to; null for changes outside any team (e.g. sign-up). */
  readonly teamId: string | null;
  /** Shared by every event and message that stems from one request. */
  readonly correlationId: string;
  /** The command, request or event that directly caused this event. */
  readonly causationId: string | null;
  readonly sourceIp: string | null;
  readonly userAgent: string | null;
}

/** What a decider returns and `evolve` folds: a past-tense fact, type and payload. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** The position of an event in the store-wide order; a checkpoint is the last one handled. */
export type GlobalPosition = number;

/**
 * The revision a stream must be at for an append to succeed: the revision of its last event
 * (the first event is revision 0), `no_stream` (must not exist yet), `stream_exists`, or `any`.
 */
export type ExpectedRevision = number | 'no_stream' | 'stream_exists' | 'any';

/** An event ready to be appended. The id is a UUID v7; time and ids come from the caller. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  readonly id: string;
  readonly type: Type;
  /** The version of the payload's shape; defaults to the latest the upcasters know (1 if none). */
  readonly schemaVersion?: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /** ISO 8601 (UTC); defaults to the store's clock at append. */
  readonly recordedAt?: string;
}

/** An event as stored and read back: the envelope every consumer sees. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  readonly id: string;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly streamRevision: number;
  readonly globalPosition: GlobalPosition;
  /** ISO 8601, UTC, millisecond precision. */
  readonly recordedAt: string;
  readonly data: Data;
  readonly metadata: EventMetadata;
}
