import { CodedError } from '@portal/event-sourcing/domain';

/** A write would give two documents the same key of a unique index. */
export class ReadModelDuplicateError extends CodedError {
  readonly code = 'READ_MODEL.DUPLICATE';

  constructor(
    readonly collection: string,
    /** The document written, or null when building an index found duplicates. */
    readonly id: string | null,
    cause?: unknown,
  ) {
    super(
      `${id === null ? 'Existing documents' : `Document ${JSON.stringify(id)}`} of read model ${collection} would duplicate the key of a unique index`,
      { collection, id },
      { cause },
    );
  }
}

/** An argument the store cannot accept: a bad name, path, filter, version or a value that is not JSON. */
export class InvalidReadModelArgumentError extends CodedError {
  readonly code = 'READ_MODEL.INVALID_ARGUMENT';

  constructor(readonly problem: string) {
    super(problem, { problem });
  }
}

/** A document is larger than every adapter can store (MongoDB's limit is 16 MiB of BSON). */
export class ReadModelDocumentTooLargeError extends CodedError {
  readonly code = 'READ_MODEL.DOCUMENT_TOO_LARGE';

  constructor(
    readonly collection: string,
    readonly id: string,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`Document ${JSON.stringify(id)} of read model ${collection} is ${bytes} bytes; the limit is ${limit}`, {
      collection,
      id,
      bytes,
      limit,
    });
  }
}

/** A patch does not fit the stored document: `$inc` of a non-number, `$set` below a non-object. */
export class ReadModelPatchNotApplicableError extends CodedError {
  readonly code = 'READ_MODEL.PATCH_NOT_APPLICABLE';

  constructor(
    readonly collection: string,
    readonly id: string,
    readonly problem: string,
    cause?: unknown,
  ) {
    super(
      `Patch of ${JSON.stringify(id)} in read model ${collection} cannot be applied: ${problem}`,
      {
        collection,
        id,
        problem,
      },
      { cause },
    );
  }
}
