import { expiryWarningsDue } from './expiry-warnings';

const EXPIRES = '2026-12-20T10:00:00.000Z';

describe('expiry warnings', () => {
  it('none for a key that never expires, is far from expiry, or has expired', () => {
    expect(expiryWarningsDue(null, '2026-12-19T10:00:00.000Z', [])).toEqual([]);
    expect(expiryWarningsDue(EXPIRES, '2026-12-13T09:59:59.999Z', [])).toEqual([]);
    expect(expiryWarningsDue(EXPIRES, EXPIRES, [])).toEqual([]);
  });

  it('7 days before, once', () => {
    expect(expiryWarningsDue(EXPIRES, '2026-12-13T10:00:00.000Z', [])).toEqual(['7d']);
    expect(expiryWarningsDue(EXPIRES, '2026-12-15T10:00:00.000Z', ['7d'])).toEqual([]);
  });

  it('1 day before, once', () => {
    expect(expiryWarningsDue(EXPIRES, '2026-12-19T10:00:00.000Z', ['7d'])).toEqual(['1d']);
    expect(expiryWarningsDue(EXPIRES, '2026-12-20T09:00:00.000Z', ['7d', '1d'])).toEqual([]);
  });

  it('after a missed run, only the most urgent warning goes out', () => {
    expect(expiryWarningsDue(EXPIRES, '2026-12-19T22:00:00.000Z', [])).toEqual(['1d']);
    expect(expiryWarningsDue(EXPIRES, '2026-12-19T23:00:00.000Z', ['1d'])).toEqual([]);
  });
});
