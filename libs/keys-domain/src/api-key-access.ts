import { isManager, type TeamRole } from '@portal/teams-domain';
import { effectiveStatus } from './api-key-status';
import { KeyErrorCode, keyError } from './api-key.errors';
import type { ActiveApiKey, ApiKeyState, ExistingApiKey } from './api-key.state';

/** The key, if it belongs to the team the actor acts in; otherwise KEY.NOT_FOUND, as if it did not exist. */
export function keyOfTeam(state: ApiKeyState, teamId: string): ExistingApiKey {
  if (state.status === 'none' || state.teamId !== teamId) throw keyError(KeyErrorCode.NOT_FOUND, 'API key not found');
  return state;
}

/** Owners and Admins manage keys; Members only see them. */
export function requireKeyManager(role: TeamRole): void {
  if (!isManager(role)) {
    throw keyError(KeyErrorCode.FORBIDDEN, 'Only Owners and Admins can manage API keys', { role });
  }
}

/** Refuses a key that no longer works at `now`: revoked (or past its roll's grace period) or expired. */
export function requireUsable(key: ExistingApiKey, now: string): ActiveApiKey {
  const status = effectiveStatus(key, now);
  if (status === 'revoked') throw keyError(KeyErrorCode.ALREADY_REVOKED, 'This API key has been revoked');
  if (status === 'expired' || key.status !== 'active') {
    throw keyError(KeyErrorCode.EXPIRED, 'This API key has expired');
  }
  return key;
}
