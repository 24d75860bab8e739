import type { RecordedEvent } from '@portal/event-sourcing';
import type { ApiKeyEvent } from '@portal/keys-domain';
import { EmbeddedReadModelStore, hashReadModel } from '@portal/read-models';
import { created, KEY, LATER, revoked, rolled, TEAM } from '../../../../libs/keys-domain/src/api-key.fixtures';
import { apiKeysProjection } from './api-keys.projection';
import { apiKeysReadModel } from './api-keys.read-model';

/** The key's events as the store would record them: revisions from 0, positions from `from`. */
const recorded = (events: readonly ApiKeyEvent[], from = 1): RecordedEvent[] =>
  events.map((event, index) => ({
    id: `event-${index}`,
    type: event.type,
    schemaVersion: 1,
    streamId: `apikey-${KEY}`,
    streamRevision: index,
    globalPosition: from + index,
    recordedAt: LATER,
    data: event.data,
    metadata: {
      actorId: 'owner-1',
      actorKind: 'user',
      teamId: TEAM,
      correlationId: 'c',
      causationId: null,
      sourceIp: null,
      userAgent: null,
    },
  }));

const renamed: ApiKeyEvent = {
  type: 'ApiKeyRenamed',
  data: { keyId: KEY, teamId: TEAM, name: 'Billing', description: '', renamedBy: 'owner-1', renamedAt: LATER },
};

describe('api_keys projection', () => {
  let store: EmbeddedReadModelStore;

  beforeEach(() => {
    store = EmbeddedReadModelStore.open({ path: ':memory:' });
  });
  afterEach(() => store.close());

  const apply = async (events: readonly RecordedEvent[]) => {
    for (const event of events) await apiKeysProjection.apply(event, store);
  };
  const doc = async () => (await store.collection(apiKeysReadModel)).get(KEY);

  it('keeps the key state the decider folds, its revision, who created it and how it was revoked', async () => {
    await apply(recorded([created(), renamed, rolled('2026-11-22T10:00:00.000Z'), revoked()]));
    expect(await doc()).toMatchObject({
      keyId: KEY,
      teamId: TEAM,
      createdBy: 'admin-1',
      status: 'revoked',
      graceEndsAt: '2026-11-22T10:00:00.000Z',
      revocation: { cause: 'revoked', reason: null, revokedBy: 'owner-1' },
      revision: 3,
      key: { status: 'revoked', name: 'Billing', revokedAt: LATER, roll: { replacementKeyId: 'key-2' } },
    });
  });

  it('ends the same whether events are delivered once, twice, or replayed from an old position', async () => {
    const events = recorded([created(), renamed, revoked()]);
    await apply(events);
    const once = await hashReadModel(await store.collection(apiKeysReadModel));
    await apply([...events, ...events.slice(1)]);
    expect(await hashReadModel(await store.collection(apiKeysReadModel))).toBe(once);
    expect((await doc())?.revision).toBe(2);
  });

  it('ignores events of other streams’ types and events before a key exists', async () => {
    await apiKeysProjection.apply({ ...recorded([created()])[0]!, type: 'TeamCreated' }, store);
    await apply(recorded([renamed]));
    expect(await doc()).toBeNull();
  });
});
