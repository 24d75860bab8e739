import { isInactive } from './team-overview.query';

describe('the inactivity flag', () => {
  const now = new Date('2026-12-31T00:00:00.000Z');
  const joined = '2026-06-01T00:00:00.000Z';

  it('flags a member last active more than 30 days ago', () => {
    expect(isInactive('2026-11-30T23:59:59.000Z', joined, now)).toBe(true);
    expect(isInactive('2026-12-01T00:00:00.000Z', joined, now)).toBe(false);
  });

  it('counts from the join date for a member never seen since', () => {
    expect(isInactive(null, joined, now)).toBe(true);
    expect(isInactive(null, '2026-12-20T00:00:00.000Z', now)).toBe(false);
  });
});
