import { DomainError } from '@portal/event-sourcing/domain';

/** The stable codes of the identity rules; the HTTP edge maps them to statuses. */
export const IdentityErrorCode = {
  ACCOUNT_ALREADY_EXISTS: 'IDENTITY.ACCOUNT_ALREADY_EXISTS',
  /** The email belongs to another account. Never shown to the person signing up. */
  EMAIL_ALREADY_RESERVED: 'IDENTITY.EMAIL_ALREADY_RESERVED',
  INVALID_DISPLAY_NAME: 'IDENTITY.INVALID_DISPLAY_NAME',
} as const;

export type IdentityErrorCode = (typeof IdentityErrorCode)[keyof typeof IdentityErrorCode];

export const identityError = (
  code: IdentityErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): DomainError => new DomainError(code, message, details);
