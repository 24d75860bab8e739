import { expiresAtFor, graceEndsAtFor } from './api-key-timing';

const NOW = '2026-11-20T10:00:00.000Z';

describe('key lifetimes', () => {
  it('a key expires never, or 30, 90 or 180 days after creation', () => {
    expect(expiresAtFor('never', NOW)).toBeNull();
    expect(expiresAtFor('30d', NOW)).toBe('2026-12-20T10:00:00.000Z');
    expect(expiresAtFor('90d', NOW)).toBe('2027-02-18T10:00:00.000Z');
    expect(expiresAtFor('180d', NOW)).toBe('2027-05-19T10:00:00.000Z');
  });

  it('a rolled key keeps working for none, 1 hour, 24 hours or 7 days', () => {
    expect(graceEndsAtFor('none', NOW)).toBeNull();
    expect(graceEndsAtFor('1h', NOW)).toBe('2026-11-20T11:00:00.000Z');
    expect(graceEndsAtFor('24h', NOW)).toBe('2026-11-21T10:00:00.000Z');
    expect(graceEndsAtFor('7d', NOW)).toBe('2026-11-27T10:00:00.000Z');
  });
});
