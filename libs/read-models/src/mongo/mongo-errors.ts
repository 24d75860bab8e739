import { mongo } from 'mongoose';
import { ReadModelDuplicateError, ReadModelPatchNotApplicableError } from '../read-model.errors';

const DUPLICATE_KEY = 11000;
/** TypeMismatch ($inc of a non-number), PathNotViable ($set below a non-object), ConflictingUpdateOperators. */
const PATCH_NOT_APPLICABLE = new Set([14, 28, 40]);
export const NAMESPACE_NOT_FOUND = 26;

export function serverErrorCode(error: unknown): number | undefined {
  return error instanceof mongo.MongoServerError && typeof error.code === 'number' ? error.code : undefined;
}

const INTERNAL_ERROR = 1;
/** SQLite's message, and PostgreSQL's unique_violation (SQLSTATE 23505). */
const BACKEND_UNIQUE_VIOLATION = /UNIQUE constraint failed|SQLSTATE 23505/;

/**
 * A write or index build broke a unique index. MongoDB says so with E11000; FerretDB 1.24
 * does for inserts, but for an update or an index build it answers InternalError (code 1)
 * carrying its backend's message (SQLite or PostgreSQL).
 */
export function isDuplicateKey(error: unknown): boolean {
  const code = serverErrorCode(error);
  if (code === DUPLICATE_KEY) return true;
  return code === INTERNAL_ERROR && BACKEND_UNIQUE_VIOLATION.test((error as Error).message);
}

/** The error a caller of the port sees for a failed write: a typed one where the server said why. */
export function translateWriteError(error: unknown, collection: string, id: string): unknown {
  if (isDuplicateKey(error)) return new ReadModelDuplicateError(collection, id, error);
  const code = serverErrorCode(error);
  if (code !== undefined && PATCH_NOT_APPLICABLE.has(code)) {
    return new ReadModelPatchNotApplicableError(collection, id, (error as Error).message, error);
  }
  return error;
}
