import type { KeyRecord } from '@portal/contracts';
import type { RecordedEvent } from '@portal/event-sourcing';
import type { ApiKeyEvent, ExistingApiKey } from '@portal/keys-domain';
import { KeyCache } from './key-cache';

const KEY_ID = 'key-1';
const HASH = 'a'.repeat(64);

function recorded(event: ApiKeyEvent, streamRevision: number, schemaVersion = 1): RecordedEvent {
  return {
    id: `event-${streamRevision}`,
    type: event.type,
    schemaVersion,
    streamId: `apikey-${KEY_ID}`,
    streamRevision,
    globalPosition: streamRevision + 1,
    recordedAt: '2026-01-01T00:00:00.000Z',
    data: event.data,
    metadata: {
      actorId: 'owner-1',
      actorKind: 'user',
      teamId: 'team-1',
      correlationId: 'c',
      causationId: null,
      sourceIp: null,
      userAgent: null,
    },
  };
}

const created: ApiKeyEvent = {
  type: 'ApiKeyCreated',
  data: {
    keyId: KEY_ID,
    teamId: 'team-1',
    name: 'Checkout',
    description: '',
    environment: 'production',
    secretHash: HASH,
    hint: 'hint',
    expiresAt: null,
    limits: {},
    rolledFrom: null,
    createdBy: 'owner-1',
    createdAt: '2026-01-01T00:00:00.000Z',
  },
};
const renamed: ApiKeyEvent = {
  type: 'ApiKeyRenamed',
  data: { keyId: KEY_ID, teamId: 'team-1', name: 'New', description: '', renamedBy: 'o', renamedAt: 'x' },
};
const revoked: ApiKeyEvent = {
  type: 'ApiKeyRevoked',
  data: { keyId: KEY_ID, teamId: 'team-1', cause: 'revoked', reason: null, revokedBy: 'o', revokedAt: 'x' },
};

function recordAt(revision: number, status: 'active' | 'revoked' = 'active'): KeyRecord {
  const key = { ...created.data, status, roll: null, ...(status === 'revoked' ? { revokedAt: 'x' } : {}) };
  return { key: key as ExistingApiKey, revision };
}

const given = (...events: RecordedEvent[]): KeyCache => {
  const cache = new KeyCache();
  for (const event of events) cache.apply(event, KEY_ID);
  return cache;
};

describe('KeyCache', () => {
  it('folds events that follow the cached revision, by hash and by key id', () => {
    const cache = given(recorded(created, 0));

    expect(cache.apply(recorded(revoked, 1), KEY_ID)).toEqual({ kind: 'applied' });
    expect(cache.byHashOf(HASH)).toMatchObject({ revision: 1, needsRevision: null });
    expect(cache.byIdOf(KEY_ID)?.key.record.key.status).toBe('revoked');
    expect(cache.byHashOf(HASH)?.key.usableUntil).toBe(-Infinity);
  });

  it('ignores a repeated or older event', () => {
    const cache = given(recorded(created, 0), recorded(renamed, 1));

    expect(cache.apply(recorded(renamed, 1), KEY_ID)).toEqual({ kind: 'ignored' });
    expect(cache.apply(recorded(created, 0), KEY_ID)).toEqual({ kind: 'ignored' });
    expect(cache.byIdOf(KEY_ID)?.revision).toBe(1);
  });

  it('ignores events the snapshot already holds, and applies the next one', () => {
    const cache = new KeyCache();
    cache.put(recordAt(3));

    expect(cache.apply(recorded(renamed, 2), KEY_ID)).toEqual({ kind: 'ignored' });
    expect(cache.apply(recorded(revoked, 4), KEY_ID)).toEqual({ kind: 'applied' });
    expect(cache.byIdOf(KEY_ID)?.key.record.key.status).toBe('revoked');
  });

  it('keeps a newer cached revision when an older snapshot record arrives', () => {
    const cache = given(recorded(created, 0), recorded(revoked, 1));

    expect(cache.put(recordAt(0))).toBe(false);
    expect(cache.byIdOf(KEY_ID)?.key.record.key.status).toBe('revoked');
  });

  it('asks for a re-fetch after a gap, and trusts the key again once a record reaches the missed revision', () => {
    const cache = given(recorded(created, 0));

    expect(cache.apply(recorded(revoked, 2), KEY_ID)).toEqual({ kind: 'refetch', secretHash: HASH });
    expect(cache.byHashOf(HASH)?.needsRevision).toBe(2);

    cache.put(recordAt(1));
    expect(cache.byHashOf(HASH)?.needsRevision).toBe(2);
    cache.put(recordAt(2, 'revoked'));
    expect(cache.byHashOf(HASH)).toMatchObject({ revision: 2, needsRevision: null });
  });

  it('marks a key it does not hold as lost after a gap, until a record of it arrives', () => {
    const cache = new KeyCache();

    expect(cache.apply(recorded(revoked, 3), KEY_ID)).toEqual({ kind: 'lost', keyId: KEY_ID });
    expect(cache.hasLostKeys).toBe(true);
    expect(cache.byIdOf(KEY_ID)).toBeUndefined();

    cache.put(recordAt(3, 'revoked'));
    expect(cache.hasLostKeys).toBe(false);
    expect(cache.byHashOf(HASH)?.needsRevision).toBeNull();
  });

  it('does not guess at an event type it does not know: the key needs confirming', () => {
    const cache = given(recorded(created, 0));
    const unknown = { type: 'ApiKeySuspended', data: { keyId: KEY_ID } } as unknown as ApiKeyEvent;

    expect(cache.apply(recorded(unknown, 1), KEY_ID)).toEqual({ kind: 'refetch', secretHash: HASH });
    expect(cache.byHashOf(HASH)).toMatchObject({ revision: 0, needsRevision: 1 });
  });

  it('does not guess at a schema version it does not know', () => {
    const cache = given(recorded(created, 0));

    expect(cache.apply(recorded(revoked, 1, 2), KEY_ID)).toEqual({ kind: 'refetch', secretHash: HASH });
  });

  it('refuses a creation event whose hash is not a SHA-256', () => {
    const cache = new KeyCache();
    const bad = { ...created, data: { ...created.data, secretHash: 'plain-text' } } as ApiKeyEvent;

    expect(cache.apply(recorded(bad, 0), KEY_ID)).toEqual({ kind: 'lost', keyId: KEY_ID });
    expect(cache.size).toBe(0);
  });
});
