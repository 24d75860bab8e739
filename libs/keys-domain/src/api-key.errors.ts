import { DomainError } from '@portal/event-sourcing/domain';

/** The stable codes of the API key rules; the HTTP edge maps them to statuses. */
export const KeyErrorCode = {
  /** No such key, or it belongs to another team: both answer the same, so nothing leaks. */
  NOT_FOUND: 'KEY.NOT_FOUND',
  ALREADY_EXISTS: 'KEY.ALREADY_EXISTS',
  /** Members read keys; only Owners and Admins change them. */
  FORBIDDEN: 'KEY.FORBIDDEN',
  ALREADY_REVOKED: 'KEY.ALREADY_REVOKED',
  EXPIRED: 'KEY.EXPIRED',
  ALREADY_ROLLED: 'KEY.ALREADY_ROLLED',
  INVALID_LIMITS: 'KEY.INVALID_LIMITS',
  /** Name empty or over 100 characters, description over 500. */
  INVALID_DETAILS: 'KEY.INVALID_DETAILS',
  /** The secret hash is not SHA-256 hex, or the hint not a hint for the key's environment. */
  INVALID_SECRET: 'KEY.INVALID_SECRET',
  /** A new key's expiry time is not in the future. */
  INVALID_EXPIRY: 'KEY.INVALID_EXPIRY',
  /** The scheduler asked for an expiry or end of grace before its time. */
  NOT_DUE: 'KEY.NOT_DUE',
} as const;

export type KeyErrorCode = (typeof KeyErrorCode)[keyof typeof KeyErrorCode];

export const keyError = (code: KeyErrorCode, message: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError(code, message, details);
