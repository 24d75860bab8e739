import { type KeyRecord, SECRET_HASH } from '@portal/contracts';
import type { RecordedEvent } from '@portal/event-sourcing';
import { apiKeyDecider, type ApiKeyEvent, type ApiKeyState, type ExistingApiKey } from '@portal/keys-domain';
import { type CachedKey, cachedKeyOf } from './cached-key';

/** What became of one key event offered to the cache. */
export type KeyEventOutcome =
  /** The event followed the cached revision and was folded in. */
  | { readonly kind: 'applied' }
  /** Not newer than the cached revision (a repeat, or older than the snapshot): nothing changed. */
  | { readonly kind: 'ignored' }
  /**
   * The cached key missed events (a gap) or the event could not be understood: the key now
   * needs confirming, and should be fetched again by its hash.
   */
  | { readonly kind: 'refetch'; readonly secretHash: string }
  /** Like refetch, for a key the cache does not hold: its hash is unknown, so misses get confirmed. */
  | { readonly kind: 'lost'; readonly keyId: string };

/** One cached key: its view, and the revision it must reach again before it is trusted (null: trusted). */
export interface CacheEntry {
  readonly key: CachedKey;
  readonly revision: number;
  readonly needsRevision: number | null;
}

const APPLIED: KeyEventOutcome = { kind: 'applied' };
const IGNORED: KeyEventOutcome = { kind: 'ignored' };
const SUPPORTED_SCHEMA_VERSION = 1;

/**
 * The next state of a key, or null when the event is not understood: a schema version this
 * gateway does not know, an event type the keys domain's evolve rejects, or a payload that does
 * not make a valid key. Such an event is never guessed at: the key gets confirmed instead.
 */
function evolveKnown(state: ApiKeyState, event: RecordedEvent, keyId: string): ExistingApiKey | null {
  if (event.schemaVersion !== SUPPORTED_SCHEMA_VERSION) return null;
  let next: ApiKeyState;
  try {
    next = apiKeyDecider.evolve(state, { type: event.type, data: event.data } as ApiKeyEvent);
  } catch {
    // evolve's exhaustiveness check throws on a type it does not know (or a payload it cannot read).
    return null;
  }
  if (next.status === 'none' || next.keyId !== keyId || !SECRET_HASH.test(next.secretHash)) return null;
  return next;
}

const laterOf = (a: number | null | undefined, b: number | null | undefined): number | null =>
  Math.max(a ?? -1, b ?? -1) < 0 ? null : Math.max(a ?? -1, b ?? -1);

/**
 * The gateway's in-memory key cache, by secret hash and by key id, kept by the stream revision
 * of each key: a snapshot record or a bus event replaces what is cached only when it is newer.
 * An event must follow the cached revision exactly; after a gap the key is marked as needing
 * the missing revision, and the caller confirms it with the keys service. Pure: no I/O, no clock.
 */
export class KeyCache {
  private readonly byHash = new Map<string, CacheEntry>();
  private readonly byKeyId = new Map<string, CacheEntry>();
  /** Keys not cached whose events showed a gap: key id -> the revision they must reach. */
  private readonly lost = new Map<string, number>();

  get size(): number {
    return this.byKeyId.size;
  }

  /** Whether some key's events were missed while its hash is unknown: then a miss is not proof of absence. */
  get hasLostKeys(): boolean {
    return this.lost.size > 0;
  }

  byHashOf(secretHash: string): CacheEntry | undefined {
    return this.byHash.get(secretHash);
  }

  byIdOf(keyId: string): CacheEntry | undefined {
    return this.byKeyId.get(keyId);
  }

  /** Stores a record (from the snapshot or a lookup) unless the cache already holds that revision or a newer one. */
  put(record: KeyRecord): boolean {
    const { keyId } = record.key;
    const current = this.byKeyId.get(keyId);
    if (current !== undefined && record.revision <= current.revision) return false;
    const needed = laterOf(current?.needsRevision, this.lost.get(keyId));
    this.lost.delete(keyId);
    this.store(record, needed !== null && record.revision < needed ? needed : null);
    return true;
  }

  /** Folds a key event in when it follows the cached revision; see KeyEventOutcome. */
  apply(event: RecordedEvent, keyId: string): KeyEventOutcome {
    const current = this.byKeyId.get(keyId);
    const revision = event.streamRevision;
    if (current !== undefined && revision <= current.revision) return IGNORED;
    const follows = current === undefined ? revision === 0 : revision === current.revision + 1;
    const next = follows ? evolveKnown(current?.key.record.key ?? apiKeyDecider.initialState(), event, keyId) : null;
    if (next === null) return this.missed(keyId, revision, current);
    const stillNeeded = current?.needsRevision ?? null;
    this.store({ key: next, revision }, stillNeeded !== null && revision < stillNeeded ? stillNeeded : null);
    return APPLIED;
  }

  private missed(keyId: string, revision: number, current: CacheEntry | undefined): KeyEventOutcome {
    if (current === undefined) {
      this.lost.set(keyId, Math.max(revision, this.lost.get(keyId) ?? -1));
      return { kind: 'lost', keyId };
    }
    const entry = { ...current, needsRevision: Math.max(revision, current.needsRevision ?? -1) };
    this.byKeyId.set(keyId, entry);
    this.byHash.set(current.key.record.key.secretHash, entry);
    return { kind: 'refetch', secretHash: current.key.record.key.secretHash };
  }

  private store(record: KeyRecord, needsRevision: number | null): void {
    const entry: CacheEntry = { key: cachedKeyOf(record), revision: record.revision, needsRevision };
    this.byKeyId.set(record.key.keyId, entry);
    this.byHash.set(record.key.secretHash, entry);
  }
}
