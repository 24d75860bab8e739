import type { DomainEvent } from '@portal/event-sourcing/domain';
import type { ApiKeyLimits } from './api-key-limits';
import type { ExpiryWarning } from './expiry-warnings';
import type { KeyEnvironment } from './key-format';

/*
 * The events of an API key's stream (`apikey-<keyId>`), version 1. A stored event's shape is
 * never edited: a change adds a version and an upcaster. The key itself never appears: only
 * the SHA-256 hash of it (hex) and its hint (prefix and last 4 characters).
 */

export type ApiKeyCreated = DomainEvent<
  'ApiKeyCreated',
  {
    readonly keyId: string;
    readonly teamId: string;
    readonly name: string;
    readonly description: string;
    readonly environment: KeyEnvironment;
    readonly secretHash: string;
    readonly hint: string;
    /** null: the key never expires. */
    readonly expiresAt: string | null;
    readonly limits: ApiKeyLimits;
    /** The key this one replaces, when it was made by rolling that key. */
    readonly rolledFrom: string | null;
    readonly createdBy: string;
    readonly createdAt: string;
  }
>;

export type ApiKeyRenamed = DomainEvent<
  'ApiKeyRenamed',
  {
    readonly keyId: string;
    readonly teamId: string;
    readonly name: string;
    readonly description: string;
    readonly renamedBy: string;
    readonly renamedAt: string;
  }
>;

export type ApiKeyRevoked = DomainEvent<
  'ApiKeyRevoked',
  {
    readonly keyId: string;
    readonly teamId: string;
    /** `revoked` by a person; `rolled`: replaced by a roll (at once, or when the grace period ended). */
    readonly cause: 'revoked' | 'rolled';
    /** What the person who revoked it wrote, if anything. */
    readonly reason: string | null;
    /** The user, or null for the platform ending a roll's grace period. */
    readonly revokedBy: string | null;
    readonly revokedAt: string;
  }
>;

export type ApiKeyRolled = DomainEvent<
  'ApiKeyRolled',
  {
    readonly keyId: string;
    readonly teamId: string;
    readonly replacementKeyId: string;
    /** Until when this key keeps working; null: it is revoked at once (an ApiKeyRevoked follows). */
    readonly graceEndsAt: string | null;
    readonly rolledBy: string;
    readonly rolledAt: string;
  }
>;

export type ApiKeyExpired = DomainEvent<
  'ApiKeyExpired',
  { readonly keyId: string; readonly teamId: string; readonly expiredAt: string }
>;

export type ApiKeyLimitsChanged = DomainEvent<
  'ApiKeyLimitsChanged',
  {
    readonly keyId: string;
    readonly teamId: string;
    /** The complete new limits: a field left out is a limit removed. */
    readonly limits: ApiKeyLimits;
    readonly changedBy: string;
    readonly changedAt: string;
  }
>;

/** The scheduler warned the team's Owners and Admins that the key expires soon (7 days or 1 day ahead). */
export type ApiKeyExpiryWarningSent = DomainEvent<
  'ApiKeyExpiryWarningSent',
  {
    readonly keyId: string;
    readonly teamId: string;
    readonly warning: ExpiryWarning;
    readonly expiresAt: string;
    /** The user ids of the Owners and Admins the warning was addressed to. */
    readonly recipients: readonly string[];
    readonly sentAt: string;
  }
>;

export type ApiKeyEvent =
  | ApiKeyCreated
  | ApiKeyRenamed
  | ApiKeyRevoked
  | ApiKeyRolled
  | ApiKeyExpired
  | ApiKeyLimitsChanged
  | ApiKeyExpiryWarningSent;

export type ApiKeyEventType = ApiKeyEvent['type'];
