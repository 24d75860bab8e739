import type { ExistingApiKey } from '@portal/keys-domain';
import { defineReadModel } from '@portal/read-models';

/** How a revoked key was revoked, for the listing: by a person (with their reason) or by a roll. */
export interface KeyRevocationDoc {
  readonly cause: 'revoked' | 'rolled';
  readonly reason: string | null;
  /** null when the platform revoked it at the end of a roll's grace period. */
  readonly revokedBy: string | null;
}

/**
 * One API key, as the dashboard lists it and the gateway looks it up. Id: the key id.
 *
 * `key` and `revision` are the key's KeyRecord: its state folded by the decider's `evolve`
 * and the stream revision of the last event folded. The other fields copy what the listing,
 * the scheduler and the lookup by hash query. Only the SHA-256 hash of the secret is kept.
 */
export interface ApiKeyDoc {
  readonly keyId: string;
  readonly teamId: string;
  readonly secretHash: string;
  readonly createdBy: string;
  readonly createdAt: string;
  /** The recorded status (the effective one also depends on the time: see effectiveStatus). */
  readonly status: ExistingApiKey['status'];
  readonly expiresAt: string | null;
  /** Set while a rolled key is in its grace period, and after. */
  readonly graceEndsAt: string | null;
  readonly revocation: KeyRevocationDoc | null;
  readonly key: ExistingApiKey;
  readonly revision: number;
}

export const apiKeysReadModel = defineReadModel<ApiKeyDoc>({
  name: 'api_keys',
  indexes: [
    { fields: { keyId: 1 }, unique: true },
    { fields: { secretHash: 1 }, unique: true },
    { fields: { teamId: 1, createdAt: 1 } },
    { fields: { status: 1, expiresAt: 1 } },
    { fields: { status: 1, graceEndsAt: 1 } },
  ],
});
