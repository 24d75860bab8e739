import type { ExpectedRevision, NewEvent } from '../domain/event-envelope';
import { assertValidStreamName } from '../domain/stream-name';
import type { UpcasterRegistry } from '../domain/upcaster-registry';
import { InvalidEventStoreArgumentError } from './event-store.errors';
import type { AppendOptions, ReadAllOptions, ReadStreamOptions } from './event-store.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.:]{0,199}$/;
const MAX_KEY_LENGTH = 200;
export const DEFAULT_PAGE_SIZE = 500;
const MAX_PAGE_SIZE = 10_000;

/** A NewEvent with every default filled in: what the adapters write. */
export interface PreparedEvent extends NewEvent {
  readonly schemaVersion: number;
  readonly recordedAt: string;
}

const isWholeAtLeast = (value: unknown, minimum: number): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= minimum;

function assertExpectedRevision(expected: unknown): asserts expected is ExpectedRevision {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists' || isWholeAtLeast(expected, 0)) {
    return;
  }
  throw new InvalidEventStoreArgumentError(
    `The expected revision must be a whole number ≥ 0, 'no_stream', 'stream_exists' or 'any'; got ${String(expected)}`,
  );
}

function eventProblem(event: NewEvent): string | null {
  if (typeof event.id !== 'string' || !UUID.test(event.id)) return `its id ${String(event.id)} is not a UUID`;
  if (typeof event.type !== 'string' || !EVENT_TYPE.test(event.type)) {
    return `its type ${JSON.stringify(event.type)} must be 1–200 letters, digits, "_", "." or ":", starting with a letter`;
  }
  if (event.schemaVersion !== undefined && !isWholeAtLeast(event.schemaVersion, 1)) {
    return `its schema version ${String(event.schemaVersion)} must be a whole number ≥ 1`;
  }
  if (event.recordedAt !== undefined && Number.isNaN(Date.parse(event.recordedAt))) {
    return `its recordedAt ${JSON.stringify(event.recordedAt)} is not a date`;
  }
  if (event.data === undefined) return 'it has no data';
  if (typeof event.metadata !== 'object' || event.metadata === null) return 'it has no metadata';
  return null;
}

/** Checks an append's arguments; throws InvalidStreamNameError or InvalidEventStoreArgumentError. */
export function validateAppend(streamId: unknown, events: readonly NewEvent[], options: AppendOptions): void {
  assertValidStreamName(streamId);
  assertExpectedRevision(options.expectedRevision ?? 'any');
  events.forEach((event, index) => {
    const problem = eventProblem(event);
    if (problem !== null) throw new InvalidEventStoreArgumentError(`Event ${index} cannot be appended: ${problem}`);
  });
  const key = options.idempotency?.key;
  if (key !== undefined) validateIdempotencyKey(key);
  if (options.idempotency !== undefined && options.idempotency.fingerprint === '') {
    throw new InvalidEventStoreArgumentError('An idempotency fingerprint must not be empty');
  }
}

export function validateIdempotencyKey(key: string): void {
  if (typeof key !== 'string' || key === '' || key.length > MAX_KEY_LENGTH) {
    throw new InvalidEventStoreArgumentError(`An idempotency key must be 1–${MAX_KEY_LENGTH} characters`);
  }
}

/** Fills in the schema version (latest known) and recorded time (now) where the caller left them out. */
export function prepareEvents(events: readonly NewEvent[], upcasters: UpcasterRegistry, now: Date): PreparedEvent[] {
  const recordedAt = now.toISOString();
  return events.map((event) => ({
    ...event,
    schemaVersion: event.schemaVersion ?? upcasters.latestVersion(event.type),
    recordedAt: event.recordedAt === undefined ? recordedAt : new Date(event.recordedAt).toISOString(),
  }));
}

/** Whether a stream whose last revision is `current` (null: no stream) satisfies `expected`. */
export function isExpectedRevision(expected: ExpectedRevision, current: number | null): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === null;
  if (expected === 'stream_exists') return current !== null;
  return current === expected;
}

export function readStreamBounds(streamId: unknown, options: ReadStreamOptions): { from: number; max: number } {
  assertValidStreamName(streamId);
  const from = options.fromRevision ?? 0;
  const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
  if (!isWholeAtLeast(from, 0))
    throw new InvalidEventStoreArgumentError(`fromRevision must be ≥ 0; got ${String(options.fromRevision)}`);
  if (!isWholeAtLeast(max, 1))
    throw new InvalidEventStoreArgumentError(`maxCount must be ≥ 1; got ${String(options.maxCount)}`);
  return { from, max };
}

export function readAllBounds(options: ReadAllOptions): { after: number; max: number } {
  const after = options.after ?? 0;
  const max = options.maxCount ?? DEFAULT_PAGE_SIZE;
  if (!isWholeAtLeast(after, 0))
    throw new InvalidEventStoreArgumentError(`after must be a position ≥ 0; got ${String(options.after)}`);
  if (!isWholeAtLeast(max, 1) || max > MAX_PAGE_SIZE) {
    throw new InvalidEventStoreArgumentError(`maxCount must be 1–${MAX_PAGE_SIZE}; got ${String(options.maxCount)}`);
  }
  return { after, max };
}
