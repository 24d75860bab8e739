import { effectiveStatus } from './api-key-status';
import type { EndRollGrace, ExpireApiKey } from './api-key.commands';
import { KeyErrorCode, keyError } from './api-key.errors';
import type { ApiKeyEvent } from './api-key.events';
import type { ApiKeyState, ExistingApiKey } from './api-key.state';

/*
 * What the platform's scheduler records when a time is reached. Both are idempotent: a key
 * already revoked or expired changes nothing, so a retried or late job is harmless. The events
 * carry the due time, not the (possibly late) time the job ran.
 */

function existing(state: ApiKeyState): ExistingApiKey {
  if (state.status === 'none') throw keyError(KeyErrorCode.NOT_FOUND, 'API key not found');
  return state;
}

const notDue = (what: string): Error => keyError(KeyErrorCode.NOT_DUE, `This API key's ${what} has not been reached`);

export function decideExpireApiKey(command: ExpireApiKey, state: ApiKeyState): ApiKeyEvent[] {
  const key = existing(state);
  if (key.status !== 'active') return [];
  const status = effectiveStatus(key, command.now);
  if (status === 'revoked') return [];
  if (status !== 'expired' || key.expiresAt === null) throw notDue('expiry time');
  const { keyId, teamId } = key;
  return [{ type: 'ApiKeyExpired', data: { keyId, teamId, expiredAt: key.expiresAt } }];
}

export function decideEndRollGrace(command: EndRollGrace, state: ApiKeyState): ApiKeyEvent[] {
  const key = existing(state);
  if (key.status !== 'active') return [];
  const status = effectiveStatus(key, command.now);
  if (status === 'expired') return [];
  const graceEndsAt = key.roll?.graceEndsAt ?? null;
  if (status !== 'revoked' || graceEndsAt === null) throw notDue('grace period end');
  const { keyId, teamId } = key;
  const data = { keyId, teamId, cause: 'rolled' as const, reason: null, revokedBy: null, revokedAt: graceEndsAt };
  return [{ type: 'ApiKeyRevoked', data }];
}
