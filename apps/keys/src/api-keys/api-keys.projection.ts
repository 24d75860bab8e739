import type { RecordedEvent } from '@portal/event-sourcing';
import { assertNever } from '@portal/event-sourcing/domain';
import type { Projection } from '@portal/event-pipeline';
import { type ApiKeyEvent, apiKeyDecider, type ApiKeyState } from '@portal/keys-domain';
import { TOPICS } from '@portal/messaging';
import type { ReadModelStore } from '@portal/read-models';
import { type ApiKeyDoc, apiKeysReadModel, type KeyRevocationDoc } from './api-keys.read-model';

const API_KEY_EVENT_TYPES = new Set<string>([
  'ApiKeyCreated',
  'ApiKeyRenamed',
  'ApiKeyRevoked',
  'ApiKeyRolled',
  'ApiKeyExpired',
  'ApiKeyLimitsChanged',
  'ApiKeyExpiryWarningSent',
] satisfies ApiKeyEvent['type'][]);

/** What the listing keeps of an event besides the key state: who created it, how it was revoked. */
function listingFacts(event: ApiKeyEvent, before: ApiKeyDoc | null): Pick<ApiKeyDoc, 'createdBy' | 'revocation'> {
  const facts = { createdBy: before?.createdBy ?? '', revocation: before?.revocation ?? null };
  switch (event.type) {
    case 'ApiKeyCreated':
      return { ...facts, createdBy: event.data.createdBy };
    case 'ApiKeyRevoked': {
      if (before?.key.status !== 'active') return facts;
      const { cause, reason, revokedBy } = event.data;
      const revocation: KeyRevocationDoc = { cause, reason, revokedBy };
      return { ...facts, revocation };
    }
    case 'ApiKeyRenamed':
    case 'ApiKeyRolled':
    case 'ApiKeyExpired':
    case 'ApiKeyLimitsChanged':
    case 'ApiKeyExpiryWarningSent':
      return facts;
    default:
      return assertNever(event, 'API key event');
  }
}

/** The document after `event`, or null when the key does not exist yet (an event before its creation). */
export function nextApiKeyDoc(before: ApiKeyDoc | null, event: ApiKeyEvent, revision: number): ApiKeyDoc | null {
  const state: ApiKeyState = apiKeyDecider.evolve(before?.key ?? apiKeyDecider.initialState(), event);
  if (state.status === 'none') return null;
  const { keyId, teamId, secretHash, createdAt, expiresAt } = state;
  const graceEndsAt = state.roll?.graceEndsAt ?? null;
  const facts = listingFacts(event, before);
  return {
    keyId,
    teamId,
    secretHash,
    createdAt,
    status: state.status,
    expiresAt,
    graceEndsAt,
    ...facts,
    key: state,
    revision,
  };
}

/**
 * The api_keys read model, from the keys' events. Each key's events arrive in stream order;
 * an event at or below the stored revision was applied already and changes nothing, and every
 * write is guarded by the event's global position, so redelivery and replay are idempotent.
 */
export const apiKeysProjection: Projection = {
  name: 'api-keys',
  topics: [TOPICS.keysEvents],
  readModels: [apiKeysReadModel],
  async apply(event: RecordedEvent, store: ReadModelStore): Promise<void> {
    if (!API_KEY_EVENT_TYPES.has(event.type)) return;
    const keyEvent = event as unknown as ApiKeyEvent;
    const keys = await store.collection(apiKeysReadModel);
    const keyId = (event.data as { keyId: string }).keyId;
    const before = await keys.get(keyId);
    if (before !== null && event.streamRevision <= before.revision) return;
    const after = nextApiKeyDoc(before, keyEvent, event.streamRevision);
    if (after !== null) await keys.upsert(keyId, after, { version: event.globalPosition });
  },
};
