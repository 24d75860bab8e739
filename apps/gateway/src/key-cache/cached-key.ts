import type { KeyRecord } from '@portal/contracts';
import {
  type CidrBlock,
  type ExistingApiKey,
  type KeyEnvironment,
  parseCidr,
  type Quota,
  type RateLimit,
} from '@portal/keys-domain';

/**
 * A key as the gateway's hot path reads it: what the checks need, worked out once when the
 * key enters the cache rather than on every call (the allowlist parsed, the end of the key's
 * life as a number).
 */
export interface CachedKey {
  readonly keyId: string;
  readonly teamId: string;
  readonly environment: KeyEnvironment;
  /** The key's recorded state and stream revision, as KEY_LOOKUP or the bus gave them. */
  readonly record: KeyRecord;
  /**
   * Epoch ms from which the key no longer works: the earlier of its expiry and the end of its
   * roll's grace period; -Infinity for a key recorded as revoked or expired; Infinity when
   * neither applies. Agrees with `isUsable(key, now)` of the keys domain.
   */
  readonly usableUntil: number;
  readonly rate: RateLimit | null;
  readonly quota: Quota | null;
  /** The parsed allowlist; null when any source may call. */
  readonly allowlist: readonly CidrBlock[] | null;
}

const epochOf = (at: string | null | undefined): number =>
  at === null || at === undefined ? Infinity : Date.parse(at);

function usableUntil(key: ExistingApiKey): number {
  if (key.status !== 'active') return -Infinity;
  return Math.min(epochOf(key.expiresAt), epochOf(key.roll?.graceEndsAt));
}

function allowlistOf(entries: readonly string[] | undefined): readonly CidrBlock[] | null {
  if (entries === undefined || entries.length === 0) return null;
  // The keys domain refuses invalid entries; one that slipped through matches nothing.
  return entries.map(parseCidr).filter((block): block is CidrBlock => block !== null);
}

export function cachedKeyOf(record: KeyRecord): CachedKey {
  const { key } = record;
  return {
    keyId: key.keyId,
    teamId: key.teamId,
    environment: key.environment,
    record,
    usableUntil: usableUntil(key),
    rate: key.limits.rate ?? null,
    quota: key.limits.quota ?? null,
    allowlist: allowlistOf(key.limits.allowlist),
  };
}
