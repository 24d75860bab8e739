import type { ExistingApiKey } from '@portal/keys-domain';

/*
 * How a gateway confirms a key with the keys service when it cannot trust its own cache (its
 * bus has been silent too long): by the SHA-256 hash of the key, never the key itself. In the
 * one-process portal the keys module answers in process; a gateway running alone asks the keys
 * service over HTTP (`GET /internal/v1/keys/by-hash/:secretHash`, `x-internal-token`).
 */

/** The key's recorded state, as its event stream has it now, or null when no key has that hash. */
export interface KeyLookup {
  findBySecretHash(secretHash: string): Promise<ExistingApiKey | null>;
}

/** The DI token a KeyLookup is bound to. */
export const KEY_LOOKUP = Symbol('KeyLookup');

/** The header internal callers present INTERNAL_TOKEN in. */
export const INTERNAL_TOKEN_HEADER = 'x-internal-token';

/** The path of the keys service's internal look-up, under which a hash follows. */
export const KEY_LOOKUP_PATH = '/internal/v1/keys/by-hash';

/** SHA-256 in lowercase hex. */
export const SECRET_HASH = /^[0-9a-f]{64}$/;
