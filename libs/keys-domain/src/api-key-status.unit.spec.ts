import { foldEvents } from '@portal/event-sourcing/domain';
import { effectiveStatus, isUsable } from './api-key-status';
import { apiKeyDecider } from './api-key.decider';
import type { ApiKeyEvent } from './api-key.events';
import { created, expired, IN_30_DAYS, revoked, rolled } from './api-key.fixtures';
import type { ExistingApiKey } from './api-key.state';

const keyAfter = (events: ApiKeyEvent[]): ExistingApiKey => {
  const state = foldEvents(apiKeyDecider, events);
  if (state.status === 'none') throw new Error('the fixture creates the key');
  return state;
};

describe('the effective status of a key', () => {
  it('is active until 7 days before expiry, then expiring soon, then expired', () => {
    const key = keyAfter([created()]);
    expect(effectiveStatus(key, '2026-12-13T09:59:59.999Z')).toBe('active');
    expect(effectiveStatus(key, '2026-12-13T10:00:00.000Z')).toBe('expiring_soon');
    expect(effectiveStatus(key, IN_30_DAYS)).toBe('expired');
    expect(isUsable(key, '2026-12-19T10:00:00.000Z')).toBe(true);
    expect(isUsable(key, IN_30_DAYS)).toBe(false);
  });

  it('is revoked or expired once recorded', () => {
    expect(effectiveStatus(keyAfter([created(), revoked()]), '2026-11-21T10:00:00.000Z')).toBe('revoked');
    expect(effectiveStatus(keyAfter([created(), expired()]), '2026-11-21T10:00:00.000Z')).toBe('expired');
  });

  it('a rolled key in its grace period stays active, then counts as revoked', () => {
    const key = keyAfter([created(), rolled('2026-11-22T10:00:00.000Z')]);
    expect(effectiveStatus(key, '2026-11-22T09:59:59.999Z')).toBe('active');
    expect(isUsable(key, '2026-11-22T09:59:59.999Z')).toBe(true);
    expect(effectiveStatus(key, '2026-11-22T10:00:00.000Z')).toBe('revoked');
    expect(isUsable(key, '2026-11-22T10:00:00.000Z')).toBe(false);
  });

  it('whichever of expiry and the end of grace came first decides', () => {
    const graceLonger = keyAfter([created(), rolled('2026-12-27T10:00:00.000Z', '2026-12-20T09:00:00.000Z')]);
    expect(effectiveStatus(graceLonger, '2026-12-28T00:00:00.000Z')).toBe('expired');
    const graceShorter = keyAfter([created(), rolled('2026-12-20T09:30:00.000Z', '2026-12-20T09:00:00.000Z')]);
    expect(effectiveStatus(graceShorter, '2026-12-28T00:00:00.000Z')).toBe('revoked');
  });

  it('a key that never expires is never expiring soon', () => {
    const never = { type: 'ApiKeyCreated', data: { ...created().data, expiresAt: null } } as ApiKeyEvent;
    expect(effectiveStatus(keyAfter([never]), '2099-01-01T00:00:00.000Z')).toBe('active');
  });
});
