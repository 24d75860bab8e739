import { ReadModelDuplicateError } from '../read-model.errors';

/** SQLite's extended result codes for a UNIQUE or PRIMARY KEY constraint. */
const UNIQUE_VIOLATIONS = new Set([2067, 1555]);

/** node:sqlite puts the extended result code on its errors as `errcode`. */
function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && 'errcode' in error && UNIQUE_VIOLATIONS.has(error.errcode as number)
  );
}

/** Runs a write, turning a unique-index violation into READ_MODEL.DUPLICATE. */
export function translatingDuplicates<T>(collection: string, id: string | null, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ReadModelDuplicateError(collection, id, error);
    throw error;
  }
}
