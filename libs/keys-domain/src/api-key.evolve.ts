import { assertNever } from '@portal/event-sourcing/domain';
import type { ApiKeyCreated, ApiKeyEvent } from './api-key.events';
import type { ActiveApiKey, ApiKeyState } from './api-key.state';

export const initialApiKeyState = (): ApiKeyState => ({ status: 'none' });

function created({ data }: ApiKeyCreated): ActiveApiKey {
  const { keyId, teamId, name, description, environment, secretHash, hint, createdAt, expiresAt } = data;
  return {
    status: 'active',
    ...{ keyId, teamId, name, description, environment, secretHash, hint, createdAt, expiresAt },
    limits: data.limits,
    rolledFrom: data.rolledFrom,
    roll: null,
  };
}

/** Folds one event of a key's stream into its state; events after revocation or expiry change nothing. */
export function evolveApiKey(state: ApiKeyState, event: ApiKeyEvent): ApiKeyState {
  if (event.type === 'ApiKeyCreated') return created(event);
  if (state.status !== 'active') return state;
  return evolveActive(state, event);
}

function evolveActive(key: ActiveApiKey, event: Exclude<ApiKeyEvent, ApiKeyCreated>): ApiKeyState {
  switch (event.type) {
    case 'ApiKeyRenamed':
      return { ...key, name: event.data.name, description: event.data.description };
    case 'ApiKeyLimitsChanged':
      return { ...key, limits: event.data.limits };
    case 'ApiKeyRolled': {
      const { replacementKeyId, graceEndsAt } = event.data;
      return { ...key, roll: { replacementKeyId, graceEndsAt } };
    }
    case 'ApiKeyRevoked':
      return { ...key, status: 'revoked', revokedAt: event.data.revokedAt };
    case 'ApiKeyExpired':
      return { ...key, status: 'expired', expiredAt: event.data.expiredAt };
    case 'ApiKeyExpiryWarningSent':
      return { ...key, expiryWarningsSent: [...(key.expiryWarningsSent ?? []), event.data.warning] };
    default:
      return assertNever(event, 'API key event');
  }
}
