import { BASE62_ALPHABET, base62Encode } from './base62';
import { formatKey, isKeyHintFor, KEY_BODY_BYTES, KEY_BODY_LENGTH, KEY_LENGTH, keyHint, parseKey } from './key-format';

const BODY = '7Hq2ZkR9mXw4Lp0Vt3Nc8Yb5Gf1Ds';
// Known answers for the checksum, computed independently (Python's zlib.crc32 and a base62
// encoder). The keys themselves are made at run time; none is written out whole.
const CHECKSUMS = { live: '1dydJg', test: '1YNtqQ', zeros: '2DlKbd' };
const LIVE = formatKey('production', BODY);
const TEST = formatKey('development', BODY);
const ZEROS = formatKey('production', '0'.repeat(29));
const bytes = (seed: number) => Uint8Array.from({ length: KEY_BODY_BYTES }, (_, index) => (index * 97 + seed) & 0xff);
const SAMPLES = [LIVE, TEST, ZEROS, formatKey('production', base62Encode(bytes(11)))];

const KEY_CHARACTERS = `${BASE62_ALPHABET}_`;

/** Every key one keystroke away from `key`: substitutions, deletions, insertions, adjacent swaps. */
function oneCharacterChanges(key: string): string[] {
  const changes: string[] = [];
  for (let at = 0; at <= key.length; at += 1) {
    const [before, after] = [key.slice(0, at), key.slice(at)];
    for (const character of KEY_CHARACTERS) {
      changes.push(before + character + after);
      if (at < key.length && character !== key[at]) changes.push(before + character + after.slice(1));
    }
    if (at < key.length) changes.push(before + after.slice(1));
    if (at + 1 < key.length && key[at] !== key[at + 1])
      changes.push(before + after.charAt(1) + after.charAt(0) + after.slice(2));
  }
  return changes;
}

describe('the key format', () => {
  it('is the prefix, a body of at least 160 random bits, and a 6-character checksum', () => {
    expect(KEY_BODY_BYTES * 8).toBeGreaterThanOrEqual(160);
    expect(KEY_BODY_LENGTH).toBe(29);
    expect(KEY_LENGTH).toBe(44);
    expect([LIVE, TEST, ZEROS].map((key) => key.length)).toEqual([44, 44, 44]);
    expect(LIVE.startsWith(`cr3_live_${BODY}`)).toBe(true);
    expect(TEST.startsWith(`cr3_test_${BODY}`)).toBe(true);
    expect([LIVE, TEST, ZEROS].map((key) => key.slice(-6))).toEqual([CHECKSUMS.live, CHECKSUMS.test, CHECKSUMS.zeros]);
  });

  it('parses a well-formed key into its environment, prefix and body', () => {
    expect(parseKey(LIVE)).toEqual({ ok: true, key: { environment: 'production', prefix: 'cr3_live_', body: BODY } });
    expect(parseKey(TEST)).toEqual({ ok: true, key: { environment: 'development', prefix: 'cr3_test_', body: BODY } });
  });

  it('formats bodies made from random bytes, and parses them back', () => {
    for (let seed = 0; seed < 50; seed += 1) {
      const body = base62Encode(bytes(seed));
      expect(parseKey(formatKey('development', body))).toEqual({
        ok: true,
        key: { environment: 'development', prefix: 'cr3_test_', body },
      });
    }
  });

  it('refuses to format a body of the wrong length or alphabet', () => {
    expect(() => formatKey('production', BODY.slice(1))).toThrow(RangeError);
    expect(() => formatKey('production', `${BODY.slice(1)}-`)).toThrow(RangeError);
  });

  it.each(SAMPLES)('refuses every one-character change of %s', (key) => {
    const changes = oneCharacterChanges(key);
    expect(changes.length).toBeGreaterThan(5000);
    const accepted = changes.filter((changed) => changed !== key && parseKey(changed).ok);
    expect(accepted).toEqual([]);
  });

  it('tells a mistyped body or checksum (BAD_CHECKSUM) from a wrong shape (MALFORMED)', () => {
    const typo = `${LIVE.slice(0, 20)}${LIVE[20] === 'a' ? 'b' : 'a'}${LIVE.slice(21)}`;
    expect(parseKey(typo)).toMatchObject({ ok: false, reason: 'KEY.BAD_CHECKSUM' });
    expect(parseKey(`${LIVE.slice(0, -1)}${LIVE.endsWith('g') ? 'h' : 'g'}`)).toMatchObject({
      reason: 'KEY.BAD_CHECKSUM',
    });
    for (const candidate of [
      LIVE.slice(1),
      `${LIVE}x`,
      'cr3_prod_7Hq2ZkR9mXw4Lp0Vt3Nc8Yb5Gf1Ds1dydJg',
      '',
      ' '.repeat(44),
    ]) {
      expect(parseKey(candidate)).toMatchObject({ ok: false, reason: 'KEY.MALFORMED' });
    }
    expect(parseKey(`${LIVE.slice(0, 43)}-`)).toMatchObject({ reason: 'KEY.MALFORMED' });
  });

  it('refuses a Development body presented with the Production prefix (the checksum covers the prefix)', () => {
    expect(parseKey(`cr3_live_${TEST.slice(9)}`)).toMatchObject({ ok: false, reason: 'KEY.BAD_CHECKSUM' });
  });

  it('refuses anything that is not a string, and huge input, without echoing it', () => {
    expect(parseKey(undefined)).toMatchObject({ reason: 'KEY.MALFORMED' });
    expect(parseKey(42)).toMatchObject({ reason: 'KEY.MALFORMED' });
    const huge = 'cr3_live_'.padEnd(1_000_000, 'a');
    expect(parseKey(huge)).toMatchObject({ reason: 'KEY.MALFORMED' });
  });

  it('never repeats the candidate in its failure', () => {
    const almost = `${LIVE.slice(0, -1)}${LIVE.endsWith('g') ? 'h' : 'g'}`;
    for (const candidate of [almost, LIVE.slice(0, -1), `${LIVE}a`]) {
      const serialized = JSON.stringify(parseKey(candidate));
      expect(serialized).not.toContain(candidate.slice(9, 30));
    }
  });
});

describe('key hints', () => {
  it('are the prefix and the last 4 characters', () => {
    expect(keyHint(LIVE)).toBe('cr3_live_…ydJg');
    expect(keyHint(TEST)).toBe('cr3_test_…NtqQ');
  });

  it('are recognised per environment', () => {
    expect(isKeyHintFor(keyHint(LIVE), 'production')).toBe(true);
    expect(isKeyHintFor(keyHint(LIVE), 'development')).toBe(false);
    expect(isKeyHintFor(LIVE, 'production')).toBe(false);
  });

  it('are only made of keys, and never say what they were given', () => {
    expect(() => keyHint('not-a-key')).toThrow(RangeError);
    expect(() => keyHint('cr3_live_short')).toThrow(/^(?!.*short)/);
  });
});
