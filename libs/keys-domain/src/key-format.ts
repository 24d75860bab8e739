import { base62DecodeSafe, base62EncodeNumber, base62WidthForBytes, isBase62 } from './base62';
import { crc32OfAscii } from './crc32';

/*
 * The API key format: `cr3_live_` (Production) or `cr3_test_` (Development), a random base62
 * body, then six base62 digits of the CRC-32 of everything before them. The checksum lets the
 * gateway refuse a mistyped or truncated key without a lookup, and lets secret scanners tell a
 * real key from look-alike text offline. It is not a secret and proves nothing about validity.
 */

export const KEY_ENVIRONMENTS = ['development', 'production'] as const;
export type KeyEnvironment = (typeof KEY_ENVIRONMENTS)[number];

export const KEY_PREFIXES = { development: 'cr3_test_', production: 'cr3_live_' } as const;
export type KeyPrefix = (typeof KEY_PREFIXES)[KeyEnvironment];

/** Random bytes behind a key body: 21 bytes = 168 bits, above the 160-bit floor with a margin. */
export const KEY_BODY_BYTES = 21;
/** base62 digits of a body: 29, the fewest that hold any 21-byte value (62^28 < 2^168 <= 62^29). */
export const KEY_BODY_LENGTH = base62WidthForBytes(KEY_BODY_BYTES);
/** CRC-32 values need 6 base62 digits (62^6 ≈ 5.7e10 > 2^32), so each value has one spelling. */
export const KEY_CHECKSUM_LENGTH = 6;
/** Every key is this long: prefix, body and checksum. */
export const KEY_LENGTH = KEY_PREFIXES.production.length + KEY_BODY_LENGTH + KEY_CHECKSUM_LENGTH;

export interface ParsedKey {
  readonly environment: KeyEnvironment;
  readonly prefix: KeyPrefix;
  readonly body: string;
}

/** Why a candidate is not a key. The codes are stable; the messages never repeat the candidate. */
export const KeyFormatFailure = {
  MALFORMED: 'KEY.MALFORMED',
  BAD_CHECKSUM: 'KEY.BAD_CHECKSUM',
} as const;
export type KeyFormatFailure = (typeof KeyFormatFailure)[keyof typeof KeyFormatFailure];

export type ParseKeyResult =
  | { readonly ok: true; readonly key: ParsedKey }
  | { readonly ok: false; readonly reason: KeyFormatFailure; readonly message: string };

const checksumOf = (prefixAndBody: string): string =>
  base62EncodeNumber(BigInt(crc32OfAscii(prefixAndBody)), KEY_CHECKSUM_LENGTH);

/** The full key for a random base62 body (`base62Encode` of KEY_BODY_BYTES random bytes). */
export function formatKey(environment: KeyEnvironment, body: string): string {
  if (body.length !== KEY_BODY_LENGTH || !isBase62(body)) {
    throw new RangeError(`a key body is ${KEY_BODY_LENGTH} base62 characters`);
  }
  const prefixAndBody = `${KEY_PREFIXES[environment]}${body}`;
  return `${prefixAndBody}${checksumOf(prefixAndBody)}`;
}

function environmentOf(candidate: string): KeyEnvironment | null {
  if (candidate.startsWith(KEY_PREFIXES.production)) return 'production';
  if (candidate.startsWith(KEY_PREFIXES.development)) return 'development';
  return null;
}

const PREFIX_LENGTH = KEY_PREFIXES.production.length;
const CHECKSUM_AT = KEY_LENGTH - KEY_CHECKSUM_LENGTH;

const malformed = (): ParseKeyResult => ({
  ok: false,
  reason: KeyFormatFailure.MALFORMED,
  message: `An API key is ${KEY_LENGTH} characters: cr3_live_ or cr3_test_, then base62 characters`,
});

/**
 * Checks a presented key's shape and checksum, before any lookup. The length is checked first,
 * so arbitrarily long input costs nothing. A result never contains the candidate itself. The
 * gateway runs this on every call, so it works on the candidate in place, with plain numbers.
 */
export function parseKey(candidate: unknown): ParseKeyResult {
  if (typeof candidate !== 'string' || candidate.length !== KEY_LENGTH) return malformed();
  const environment = environmentOf(candidate);
  if (environment === null || !isBase62(candidate.slice(PREFIX_LENGTH))) return malformed();
  if (base62DecodeSafe(candidate, CHECKSUM_AT, KEY_CHECKSUM_LENGTH) !== crc32OfAscii(candidate, CHECKSUM_AT)) {
    return { ok: false, reason: KeyFormatFailure.BAD_CHECKSUM, message: 'This API key is mistyped or incomplete' };
  }
  const prefix = KEY_PREFIXES[environment];
  return { ok: true, key: { environment, prefix, body: candidate.slice(PREFIX_LENGTH, CHECKSUM_AT) } };
}

/** The key's prefix and last 4 characters, e.g. `cr3_live_…Ab12`: all the dashboard ever shows. */
export function keyHint(key: string): string {
  const environment = environmentOf(key);
  if (environment === null || key.length !== KEY_LENGTH) throw new RangeError('keyHint takes a formatted API key');
  return `${KEY_PREFIXES[environment]}…${key.slice(-4)}`;
}

/** Whether `hint` has the shape keyHint gives, for a key of `environment`. */
export function isKeyHintFor(hint: string, environment: KeyEnvironment): boolean {
  const prefix = KEY_PREFIXES[environment];
  return hint.length === prefix.length + 5 && hint.startsWith(`${prefix}…`) && isBase62(hint.slice(-4));
}
