import { isSessionExpired, isTouchDue } from './session-expiry';

const at = (iso: string) => new Date(iso);
const session = { lastSeenAt: '2026-11-20T10:00:00.000Z', expiresAt: '2026-11-20T22:00:00.000Z' };

describe('session expiry', () => {
  it('a session used within the last 30 minutes and before its end is alive', () => {
    expect(isSessionExpired(session, at('2026-11-20T10:29:59.000Z'))).toBe(false);
  });

  it('ends after 30 minutes idle', () => {
    expect(isSessionExpired(session, at('2026-11-20T10:30:00.000Z'))).toBe(true);
  });

  it('ends at its absolute end even when in use', () => {
    const busy = { ...session, lastSeenAt: '2026-11-20T21:59:00.000Z' };
    expect(isSessionExpired(busy, at('2026-11-20T21:59:30.000Z'))).toBe(false);
    expect(isSessionExpired(busy, at('2026-11-20T22:00:00.000Z'))).toBe(true);
  });

  it('records use at most once a minute', () => {
    expect(isTouchDue(session, at('2026-11-20T10:00:59.000Z'))).toBe(false);
    expect(isTouchDue(session, at('2026-11-20T10:01:00.000Z'))).toBe(true);
  });
});
