import { structurallyEqual } from '@portal/event-sourcing/domain';
import { keyOfTeam, requireKeyManager, requireUsable } from './api-key-access';
import { type ApiKeyLimits, limitsProblem } from './api-key-limits';
import type { ChangeApiKeyLimits } from './api-key.commands';
import { KeyErrorCode, keyError } from './api-key.errors';
import type { ApiKeyEvent } from './api-key.events';
import type { ApiKeyState } from './api-key.state';

/** Limits as recorded: only the fields set, an empty allowlist left out (it allows any source). */
export function validLimits(limits: ApiKeyLimits): ApiKeyLimits {
  const problem = limitsProblem(limits);
  if (problem) {
    throw keyError(KeyErrorCode.INVALID_LIMITS, `Invalid limits: ${problem.field} ${problem.problem}`, { ...problem });
  }
  const { rate, quota, allowlist } = limits;
  return {
    ...(rate && { rate: { perSecond: rate.perSecond, burst: rate.burst } }),
    ...(quota && { quota: { period: quota.period, requests: quota.requests } }),
    ...(allowlist && allowlist.length > 0 && { allowlist: [...allowlist] }),
  };
}

export function decideChangeApiKeyLimits(command: ChangeApiKeyLimits, state: ApiKeyState): ApiKeyEvent[] {
  const existing = keyOfTeam(state, command.teamId);
  requireKeyManager(command.actorRole);
  const key = requireUsable(existing, command.now);
  const limits = validLimits(command.limits);
  if (structurallyEqual(limits, key.limits)) return [];
  const { keyId, teamId } = key;
  return [
    {
      type: 'ApiKeyLimitsChanged',
      data: { keyId, teamId, limits, changedBy: command.actorId, changedAt: command.now },
    },
  ];
}
