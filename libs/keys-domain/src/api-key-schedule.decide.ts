import { effectiveStatus } from './api-key-status';
import type { EndRollGrace, ExpireApiKey, RecordExpiryWarning } from './api-key.commands';
import { KeyErrorCode, keyError } from './api-key.errors';
import type { ApiKeyEvent } from './api-key.events';
import type { ApiKeyState, ExistingApiKey } from './api-key.state';
import { expiryWarningsDue } from './expiry-warnings';

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

/**
 * Records an expiry warning once: a warning already sent (by this or another scheduler) changes
 * nothing, nor does one for a key that no longer works. A warning `expiryWarningsDue` does not
 * name at `now` is refused as not due.
 */
export function decideRecordExpiryWarning(command: RecordExpiryWarning, state: ApiKeyState): ApiKeyEvent[] {
  const key = existing(state);
  if (key.status !== 'active') return [];
  const status = effectiveStatus(key, command.now);
  if (status === 'revoked' || status === 'expired') return [];
  const sent = key.expiryWarningsSent ?? [];
  if (sent.includes(command.warning)) return [];
  if (key.expiresAt === null || !expiryWarningsDue(key.expiresAt, command.now, sent).includes(command.warning)) {
    throw notDue(`${command.warning} expiry warning`);
  }
  const { keyId, teamId, expiresAt } = key;
  const { warning, recipients, now } = command;
  return [
    {
      type: 'ApiKeyExpiryWarningSent',
      data: { keyId, teamId, warning, expiresAt, recipients: [...recipients], sentAt: now },
    },
  ];
}
