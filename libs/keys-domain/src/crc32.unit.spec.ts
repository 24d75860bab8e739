import { crc32, crc32OfAscii } from './crc32';

describe('CRC-32 (IEEE)', () => {
  it.each([
    ['', 0x00000000],
    ['a', 0xe8b7be43],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ])('CRC32(%j) is the published value', (text, expected) => {
    expect(crc32OfAscii(text)).toBe(expected);
  });

  it('reads bytes, including zero and 0xff, and is always an unsigned 32-bit number', () => {
    expect(crc32(new Uint8Array([0]))).toBe(0xd202ef8d);
    expect(crc32(new Uint8Array(32).fill(0xff))).toBe(0xff6cab0b);
    expect(crc32(new Uint8Array(32))).toBe(0x190a55ad);
  });

  it('hashes the first characters of a text when given their number', () => {
    expect(crc32OfAscii('123456789 and more', 9)).toBe(0xcbf43926);
    expect(() => crc32OfAscii('1234', 5)).toThrow(RangeError);
  });

  it('refuses non-ASCII text rather than hashing some encoding of it', () => {
    expect(() => crc32OfAscii('clé')).toThrow(RangeError);
  });
});
