import type { TeamRole } from '@portal/teams-domain';
import type { ApiKeyLimits } from './api-key-limits';
import type { RollGrace } from './api-key-timing';
import type { ExpiryWarning } from './expiry-warnings';
import type { KeyEnvironment } from './key-format';

/*
 * What people, and the platform's scheduler, ask of an API key. The handler supplies what a
 * pure decider cannot make: the time (`now`, ISO 8601), the acting user and their role in the
 * team they act in, new ids, the SHA-256 hash of a new key and its hint, and the expiry time.
 */

/** A person acting in a team: the key must belong to that team, and the role decides. */
interface Acting {
  readonly keyId: string;
  readonly teamId: string;
  readonly actorId: string;
  readonly actorRole: TeamRole;
  readonly now: string;
}

export interface CreateApiKey extends Acting {
  readonly type: 'CreateApiKey';
  readonly name: string;
  readonly description: string;
  readonly environment: KeyEnvironment;
  /** From `expiresAtFor(expiration, now)`; null: never expires. */
  readonly expiresAt: string | null;
  /** SHA-256 of the key, lowercase hex. */
  readonly secretHash: string;
  /** `keyHint(key)`. */
  readonly hint: string;
  readonly limits?: ApiKeyLimits;
  /** Set when the handler creates this key as the replacement in a roll. */
  readonly rolledFrom?: string;
}

export interface RenameApiKey extends Acting {
  readonly type: 'RenameApiKey';
  readonly name?: string;
  readonly description?: string;
}

export interface RevokeApiKey extends Acting {
  readonly type: 'RevokeApiKey';
  readonly reason?: string;
}

export interface RollApiKey extends Acting {
  readonly type: 'RollApiKey';
  readonly replacementKeyId: string;
  readonly grace: RollGrace;
}

export interface ChangeApiKeyLimits extends Acting {
  readonly type: 'ChangeApiKeyLimits';
  /** The complete new limits: a field left out removes that limit. */
  readonly limits: ApiKeyLimits;
}

/** The scheduler, at or after the key's expiry time. */
export interface ExpireApiKey {
  readonly type: 'ExpireApiKey';
  readonly keyId: string;
  readonly now: string;
}

/** The scheduler, at or after the end of a roll's grace period: the old key is revoked. */
export interface EndRollGrace {
  readonly type: 'EndRollGrace';
  readonly keyId: string;
  readonly now: string;
}

/**
 * The scheduler, when `expiryWarningsDue` says a warning is due: records that it is sending it
 * to the team's Owners and Admins (`recipients`, user ids), so that it goes out once.
 */
export interface RecordExpiryWarning {
  readonly type: 'RecordExpiryWarning';
  readonly keyId: string;
  readonly warning: ExpiryWarning;
  readonly recipients: readonly string[];
  readonly now: string;
}

export type ApiKeyCommand =
  | CreateApiKey
  | RenameApiKey
  | RevokeApiKey
  | RollApiKey
  | ChangeApiKeyLimits
  | ExpireApiKey
  | EndRollGrace
  | RecordExpiryWarning;
