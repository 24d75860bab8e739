import { CodedError } from '../domain/coded-error';
import type { ExpectedRevision } from '../domain/event-envelope';

/** The stream was not at the revision the append expected: someone else appended first. */
export class WrongExpectedRevisionError extends CodedError {
  readonly code = 'EVENT_STORE.WRONG_EXPECTED_REVISION';

  constructor(
    readonly streamId: string,
    readonly expectedRevision: ExpectedRevision,
    /** The stream's revision when the append was refused; null if it does not exist. */
    readonly actualRevision: number | null,
  ) {
    super(`Stream ${streamId} was expected at ${String(expectedRevision)} but is at ${actualRevision ?? 'no_stream'}`, {
      streamId,
      expectedRevision,
      actualRevision,
    });
  }
}

/** A command kept losing the race for its stream and gave up (HTTP 409). */
export class ConcurrencyConflictError extends CodedError {
  readonly code = 'EVENT_STORE.CONFLICT';

  constructor(
    readonly streamId: string,
    readonly attempts: number,
    cause: WrongExpectedRevisionError,
  ) {
    super(
      `Stream ${streamId} changed concurrently ${attempts} times in a row; the command was not applied`,
      {
        streamId,
        attempts,
      },
      { cause },
    );
  }
}

/** An idempotency key came back with a different command than the one it was first used for. */
export class IdempotencyKeyReusedError extends CodedError {
  readonly code = 'EVENT_STORE.IDEMPOTENCY_KEY_REUSED';

  constructor(readonly key: string) {
    super(`The idempotency key ${JSON.stringify(key)} was already used for a different command`, { key });
  }
}

/** An argument the store cannot accept (a negative revision, an event without a type, …). */
export class InvalidEventStoreArgumentError extends CodedError {
  readonly code = 'EVENT_STORE.INVALID_ARGUMENT';

  constructor(problem: string) {
    super(problem, { problem });
  }
}
