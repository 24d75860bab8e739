import type { ExistingApiKey } from '@portal/keys-domain';

/*
 * What the keys service tells a gateway about keys, besides the key events on the bus:
 *
 * - a snapshot of every key, read when a gateway starts, so that its cache does not depend
 *   on the bus still retaining a key's first event; the gateway then applies the bus's key
 *   events whose stream revision is newer than the snapshot's;
 * - one key by the SHA-256 hash of its secret (never the secret itself), when the gateway
 *   cannot trust its cache because its bus has been silent too long.
 *
 * In the one-process portal the keys module answers in process; a gateway running alone asks
 * the keys service over HTTP (`KEY_LOOKUP_PATH`, with INTERNAL_TOKEN in `x-internal-token`).
 */

/** A key's recorded state, and the revision of its stream (`apikey-<keyId>`) that state is at. */
export interface KeyRecord {
  readonly key: ExistingApiKey;
  /** The streamRevision of the last event applied to `key`. */
  readonly revision: number;
}

/** One page of the snapshot, in keyId order. */
export interface KeySnapshotPage {
  readonly keys: readonly KeyRecord[];
  /** Pass as `after` to read the next page; null on the last page. */
  readonly next: string | null;
}

export interface KeyLookup {
  /** The key with this secret hash (lowercase hex SHA-256), or null when there is none. */
  findBySecretHash(secretHash: string): Promise<KeyRecord | null>;
  /** Keys in keyId order, after `after` (exclusive; null: from the start), at most `limit` (1..1000). */
  snapshotPage(after: string | null, limit: number): Promise<KeySnapshotPage>;
}

/** The DI token a KeyLookup is bound to. */
export const KEY_LOOKUP = Symbol('KeyLookup');

/** The header internal callers present INTERNAL_TOKEN in. */
export const INTERNAL_TOKEN_HEADER = 'x-internal-token';

/**
 * The keys service's internal routes: `GET <path>/by-hash/:secretHash` answers a KeyRecord
 * (404 when unknown); `GET <path>?after=<keyId>&limit=<n>` a KeySnapshotPage. Both answer
 * 404 unless the caller presents the configured INTERNAL_TOKEN.
 */
export const KEY_LOOKUP_PATH = '/internal/v1/keys';

export const MAX_SNAPSHOT_PAGE = 1000;

/** SHA-256 in lowercase hex. */
export const SECRET_HASH = /^[0-9a-f]{64}$/;
