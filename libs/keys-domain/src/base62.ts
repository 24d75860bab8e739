/*
 * Base62 with the alphabet 0-9, A-Z, a-z (digit order, as GMP and most key formats use): the
 * characters survive URLs, shells, double-click selection and secret scanners' regexes.
 * Numbers are big-endian: the first character is the most significant digit.
 */

export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = 62n;

/** Whether every character of `text` is a base62 digit (the empty string is not base62). */
export const isBase62 = (text: string): boolean => /^[0-9A-Za-z]+$/.test(text);

/** The fewest base62 digits that can hold every value of `byteLength` bytes. */
export function base62WidthForBytes(byteLength: number): number {
  const limit = 1n << BigInt(byteLength * 8);
  let width = 0;
  for (let capacity = 1n; capacity < limit; capacity *= BASE) width += 1;
  return width;
}

/** `value` in base62, left-padded with '0' to `width` digits; a value too large for `width` is refused. */
export function base62EncodeNumber(value: bigint, width: number): string {
  if (value < 0n) throw new RangeError('base62 encodes non-negative numbers only');
  let rest = value;
  let digits = '';
  while (rest > 0n) {
    digits = BASE62_ALPHABET.charAt(Number(rest % BASE)) + digits;
    rest /= BASE;
  }
  if (digits.length > width) throw new RangeError(`the value needs more than ${width} base62 digits`);
  return digits.padStart(width, '0');
}

/** The number a base62 string denotes, or null when it holds a character outside the alphabet. */
export function base62DecodeNumber(text: string): bigint | null {
  if (!isBase62(text)) return null;
  let value = 0n;
  for (const character of text) value = value * BASE + BigInt(BASE62_ALPHABET.indexOf(character));
  return value;
}

/** Each ASCII code's base62 digit value; -1 for characters outside the alphabet. */
const DIGIT_VALUES = Int8Array.from({ length: 128 }, (_, code) => BASE62_ALPHABET.indexOf(String.fromCharCode(code)));

/** The longest base62 text whose value always fits a double exactly: 62^8 < 2^53 < 62^9. */
export const MAX_SAFE_BASE62_DIGITS = 8;

/**
 * The number `length` base62 digits of `text` from `start` denote, as a plain number (so at
 * most MAX_SAFE_BASE62_DIGITS of them), or null when one is outside the alphabet or the text
 * ends first. What the gateway checks every call's checksum with: no BigInt, no substring.
 */
export function base62DecodeSafe(text: string, start: number, length: number): number | null {
  if (length < 1 || length > MAX_SAFE_BASE62_DIGITS || start < 0 || start + length > text.length) return null;
  let value = 0;
  for (let index = start; index < start + length; index += 1) {
    const digit = DIGIT_VALUES[text.charCodeAt(index)] ?? -1;
    if (digit < 0) return null;
    value = value * 62 + digit;
  }
  return value;
}

/**
 * `bytes` read as one big-endian number, in base62, always `base62WidthForBytes(bytes.length)`
 * digits long: 20 bytes give 27 digits, 21 bytes give 29. Leading zero bytes become leading
 * '0' digits, so equal-length inputs give equal-length outputs.
 */
export function base62Encode(bytes: Uint8Array): string {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return base62EncodeNumber(value, base62WidthForBytes(bytes.length));
}
