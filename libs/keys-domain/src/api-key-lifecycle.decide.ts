import { keyOfTeam, requireKeyManager, requireUsable } from './api-key-access';
import { validDetails, validReason } from './api-key-details';
import { validLimits } from './api-key-limits.decide';
import { graceEndsAtFor } from './api-key-timing';
import type { CreateApiKey, RenameApiKey, RevokeApiKey, RollApiKey } from './api-key.commands';
import { KeyErrorCode, keyError } from './api-key.errors';
import type { ApiKeyEvent } from './api-key.events';
import type { ApiKeyState } from './api-key.state';
import { isKeyHintFor } from './key-format';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Only a hash and a hint are ever stored: anything else here could be the key itself. */
function requireHashAndHint(command: CreateApiKey): void {
  if (!SHA256_HEX.test(command.secretHash)) {
    throw keyError(KeyErrorCode.INVALID_SECRET, 'The secret hash must be SHA-256, lowercase hex');
  }
  if (!isKeyHintFor(command.hint, command.environment)) {
    throw keyError(KeyErrorCode.INVALID_SECRET, `The hint does not match a ${command.environment} key`);
  }
}

function requireFutureExpiry(expiresAt: string | null, now: string): void {
  if (expiresAt !== null && !(Date.parse(expiresAt) > Date.parse(now))) {
    throw keyError(KeyErrorCode.INVALID_EXPIRY, 'A new key must expire in the future, or never');
  }
}

export function decideCreateApiKey(command: CreateApiKey, state: ApiKeyState): ApiKeyEvent[] {
  requireKeyManager(command.actorRole);
  if (state.status !== 'none') throw keyError(KeyErrorCode.ALREADY_EXISTS, 'This API key already exists');
  const { name, description } = validDetails(command.name, command.description);
  requireHashAndHint(command);
  requireFutureExpiry(command.expiresAt, command.now);
  const limits = validLimits(command.limits ?? {});
  const { keyId, teamId, environment, secretHash, hint, expiresAt } = command;
  const data = { keyId, teamId, name, description, environment, secretHash, hint, expiresAt, limits };
  const by = { rolledFrom: command.rolledFrom ?? null, createdBy: command.actorId, createdAt: command.now };
  return [{ type: 'ApiKeyCreated', data: { ...data, ...by } }];
}

export function decideRenameApiKey(command: RenameApiKey, state: ApiKeyState): ApiKeyEvent[] {
  const existing = keyOfTeam(state, command.teamId);
  requireKeyManager(command.actorRole);
  const key = requireUsable(existing, command.now);
  const { name, description } = validDetails(command.name ?? key.name, command.description ?? key.description);
  if (name === key.name && description === key.description) return [];
  const { keyId, teamId } = key;
  const data = { keyId, teamId, name, description, renamedBy: command.actorId, renamedAt: command.now };
  return [{ type: 'ApiKeyRenamed', data }];
}

/** Immediate: the gateway refuses the key as soon as it sees this event. */
export function decideRevokeApiKey(command: RevokeApiKey, state: ApiKeyState): ApiKeyEvent[] {
  const existing = keyOfTeam(state, command.teamId);
  requireKeyManager(command.actorRole);
  const { keyId, teamId } = requireUsable(existing, command.now);
  const reason = validReason(command.reason);
  const data = { keyId, teamId, cause: 'revoked' as const, reason, revokedBy: command.actorId };
  return [{ type: 'ApiKeyRevoked', data: { ...data, revokedAt: command.now } }];
}

/**
 * Records the roll on the old key; the handler then creates the replacement on its own stream
 * (CreateApiKey with `rolledFrom`). Without grace the old key is revoked at once; with grace it
 * keeps working until graceEndsAt, when the scheduler sends EndRollGrace.
 */
export function decideRollApiKey(command: RollApiKey, state: ApiKeyState): ApiKeyEvent[] {
  const existing = keyOfTeam(state, command.teamId);
  requireKeyManager(command.actorRole);
  const key = requireUsable(existing, command.now);
  if (key.roll) {
    throw keyError(KeyErrorCode.ALREADY_ROLLED, 'This API key has already been rolled', {
      replacementKeyId: key.roll.replacementKeyId,
    });
  }
  const { keyId, teamId } = key;
  const { replacementKeyId, actorId, now } = command;
  const graceEndsAt = graceEndsAtFor(command.grace, now);
  const rolled: ApiKeyEvent = {
    type: 'ApiKeyRolled',
    data: { keyId, teamId, replacementKeyId, graceEndsAt, rolledBy: actorId, rolledAt: now },
  };
  if (graceEndsAt !== null) return [rolled];
  const revocation = { keyId, teamId, cause: 'rolled' as const, reason: null, revokedBy: actorId, revokedAt: now };
  return [rolled, { type: 'ApiKeyRevoked', data: revocation }];
}
