import { KeyErrorCode, keyError } from './api-key.errors';

/** The longest key name and description, and revocation reason. */
export const MAX_KEY_NAME_LENGTH = 100;
export const MAX_KEY_DESCRIPTION_LENGTH = 500;

/** A name and description without surrounding spaces; refuses an empty or too long name, a too long description. */
export function validDetails(name: string, description: string): { name: string; description: string } {
  const trimmed = { name: name.trim(), description: description.trim() };
  if (trimmed.name === '' || trimmed.name.length > MAX_KEY_NAME_LENGTH) {
    throw keyError(KeyErrorCode.INVALID_DETAILS, `A key name is 1 to ${MAX_KEY_NAME_LENGTH} characters`);
  }
  if (trimmed.description.length > MAX_KEY_DESCRIPTION_LENGTH) {
    throw keyError(KeyErrorCode.INVALID_DETAILS, `A description is at most ${MAX_KEY_DESCRIPTION_LENGTH} characters`);
  }
  return trimmed;
}

/** A revocation reason without surrounding spaces; null when none was given. */
export function validReason(reason: string | undefined): string | null {
  const trimmed = reason?.trim() ?? '';
  if (trimmed.length > MAX_KEY_DESCRIPTION_LENGTH) {
    throw keyError(KeyErrorCode.INVALID_DETAILS, `A reason is at most ${MAX_KEY_DESCRIPTION_LENGTH} characters`);
  }
  return trimmed === '' ? null : trimmed;
}
