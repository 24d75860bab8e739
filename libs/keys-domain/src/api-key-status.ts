import { assertNever } from '@portal/event-sourcing/domain';
import { EXPIRING_SOON_MS } from './api-key-timing';
import type { ExistingApiKey } from './api-key.state';

/** How a key stands at a moment, as the dashboard shows it and the gateway enforces it. */
export type EffectiveKeyStatus = 'active' | 'expiring_soon' | 'expired' | 'revoked';

const reached = (at: string | null, now: number): boolean => at !== null && Date.parse(at) <= now;

/** How an active key stopped working, if it has by `now`: its grace period ended or it expired, whichever came first. */
function endOfActiveKey(key: ExistingApiKey, now: number): EffectiveKeyStatus | null {
  const graceEndsAt = key.roll?.graceEndsAt ?? null;
  const graceOver = reached(graceEndsAt, now);
  const expired = reached(key.expiresAt, now);
  if (graceOver && expired) {
    return Date.parse(graceEndsAt ?? '') < Date.parse(key.expiresAt ?? '') ? 'revoked' : 'expired';
  }
  if (graceOver) return 'revoked';
  return expired ? 'expired' : null;
}

/**
 * A key's status at `now` (ISO 8601): revoked and expired as recorded, or as due though not
 * yet recorded (a rolled key in its grace period stays active until graceEndsAt); an active
 * key within 7 days of its expiry is expiring soon.
 */
export function effectiveStatus(key: ExistingApiKey, now: string): EffectiveKeyStatus {
  switch (key.status) {
    case 'revoked':
      return 'revoked';
    case 'expired':
      return 'expired';
    case 'active': {
      const at = Date.parse(now);
      const ended = endOfActiveKey(key, at);
      if (ended) return ended;
      const soon = key.expiresAt !== null && Date.parse(key.expiresAt) - at <= EXPIRING_SOON_MS;
      return soon ? 'expiring_soon' : 'active';
    }
    default:
      return assertNever(key, 'API key state');
  }
}

/** Whether the gateway accepts the key at `now`. */
export const isUsable = (key: ExistingApiKey, now: string): boolean => {
  const status = effectiveStatus(key, now);
  return status === 'active' || status === 'expiring_soon';
};
