import type { ApiKeyLimits } from './api-key-limits';
import type { ExpiryWarning } from './expiry-warnings';
import type { KeyEnvironment } from './key-format';

/** What every key that exists has, whatever its status. */
export interface ApiKeyDetails {
  readonly keyId: string;
  readonly teamId: string;
  readonly name: string;
  readonly description: string;
  readonly environment: KeyEnvironment;
  readonly secretHash: string;
  readonly hint: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly limits: ApiKeyLimits;
  readonly rolledFrom: string | null;
  /** Set once the key has been rolled: its replacement, and until when it keeps working. */
  readonly roll: { readonly replacementKeyId: string; readonly graceEndsAt: string | null } | null;
  /** The expiry warnings sent so far; absent until the first. */
  readonly expiryWarningsSent?: readonly ExpiryWarning[];
}

/**
 * A key's recorded status. An active key may still be effectively revoked (its roll's grace
 * period is over) or expired (its expiry time has passed) before the scheduler records it:
 * `effectiveStatus` tells, given the time.
 */
export type ApiKeyState =
  | { readonly status: 'none' }
  | ({ readonly status: 'active' } & ApiKeyDetails)
  | ({ readonly status: 'revoked'; readonly revokedAt: string } & ApiKeyDetails)
  | ({ readonly status: 'expired'; readonly expiredAt: string } & ApiKeyDetails);

export type ExistingApiKey = Exclude<ApiKeyState, { status: 'none' }>;
export type ActiveApiKey = Extract<ApiKeyState, { status: 'active' }>;
