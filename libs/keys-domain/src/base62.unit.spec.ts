import {
  base62DecodeNumber,
  base62DecodeSafe,
  base62Encode,
  base62EncodeNumber,
  base62WidthForBytes,
  isBase62,
  MAX_SAFE_BASE62_DIGITS,
} from './base62';

describe('base62', () => {
  it('encodes numbers with the digits 0-9, A-Z, a-z, most significant first', () => {
    expect(base62EncodeNumber(0n, 1)).toBe('0');
    expect(base62EncodeNumber(61n, 1)).toBe('z');
    expect(base62EncodeNumber(62n, 2)).toBe('10');
    expect(base62EncodeNumber(3843n, 2)).toBe('zz');
    expect(base62EncodeNumber(0xcbf43926n, 6)).toBe('3jZRME'); // CRC32("123456789")
    expect(base62EncodeNumber(0xffffffffn, 6)).toBe('4gfFC3');
  });

  it('pads to the width, and refuses a value too large for it', () => {
    expect(base62EncodeNumber(1n, 6)).toBe('000001');
    expect(() => base62EncodeNumber(3844n, 2)).toThrow(RangeError);
    expect(() => base62EncodeNumber(-1n, 2)).toThrow(RangeError);
  });

  it('encodes bytes as one big-endian number, at a width fixed by the byte count', () => {
    expect(base62Encode(new Uint8Array([]))).toBe('');
    expect(base62Encode(new Uint8Array([0xff]))).toBe('47');
    expect(base62Encode(new Uint8Array([0x01, 0x00]))).toBe('048');
    expect(base62Encode(new Uint8Array([0, 0, 0, 0]))).toBe('000000');
    expect(base62Encode(new Uint8Array(21).fill(0xff))).toHaveLength(29);
    expect(base62Encode(new Uint8Array(21))).toBe('0'.repeat(29));
  });

  it('needs 27 digits for 20 bytes and 29 for 21 (62^28 < 2^168)', () => {
    expect(base62WidthForBytes(20)).toBe(27);
    expect(base62WidthForBytes(21)).toBe(29);
    expect(base62WidthForBytes(4)).toBe(6);
  });

  it('decodes what it encodes, and nothing outside the alphabet', () => {
    expect(base62DecodeNumber('3jZRME')).toBe(0xcbf43926n);
    expect(base62DecodeNumber('00zz')).toBe(3843n);
    expect(base62DecodeNumber('ab-c')).toBeNull();
    expect(base62DecodeNumber('')).toBeNull();
    expect(isBase62('aZ09')).toBe(true);
    expect(isBase62('a_b')).toBe(false);
  });

  it('decodes short runs of digits in place, as plain numbers, exactly up to the largest safe length', () => {
    expect(base62DecodeSafe('key3jZRME', 3, 6)).toBe(0xcbf43926);
    expect(base62DecodeSafe('00zz', 0, 4)).toBe(3843);
    const largest = 'z'.repeat(MAX_SAFE_BASE62_DIGITS);
    expect(BigInt(base62DecodeSafe(largest, 0, MAX_SAFE_BASE62_DIGITS) ?? -1)).toBe(base62DecodeNumber(largest));
    expect(base62DecodeSafe('z'.repeat(9), 0, 9)).toBeNull();
  });

  it('refuses digits outside the alphabet, beyond ASCII, or past the end of the text', () => {
    expect(base62DecodeSafe('ab-c', 0, 4)).toBeNull();
    expect(base62DecodeSafe('abcé', 0, 4)).toBeNull();
    expect(base62DecodeSafe('abc', 1, 3)).toBeNull();
    expect(base62DecodeSafe('abc', 0, 0)).toBeNull();
  });
});
