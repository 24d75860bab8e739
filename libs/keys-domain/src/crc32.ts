/*
 * CRC-32 (IEEE 802.3, as in zip and PNG): reflected polynomial 0xEDB88320, initial value and
 * final XOR 0xFFFFFFFF. Table-driven, one byte at a time. It detects every error burst up to
 * 32 bits long, so every one-character change of an API key.
 */

const POLYNOMIAL = 0xedb88320;

function buildTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let byte = 0; byte < 256; byte += 1) {
    let crc = byte;
    for (let bit = 0; bit < 8; bit += 1) {
      crc = crc & 1 ? (crc >>> 1) ^ POLYNOMIAL : crc >>> 1;
    }
    table[byte] = crc >>> 0;
  }
  return table;
}

const TABLE = buildTable();

/** The CRC-32 of `bytes`, as an unsigned 32-bit integer. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc = (crc >>> 8) ^ (TABLE[(crc ^ byte) & 0xff] ?? 0);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * The CRC-32 of an ASCII string (API keys are ASCII), or of its first `length` characters;
 * other characters are refused. Reads the characters in place: no copy of the text is made.
 */
export function crc32OfAscii(text: string, length = text.length): number {
  if (length > text.length) throw new RangeError('crc32OfAscii: the text is shorter than the length');
  let crc = 0xffffffff;
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    if (code > 0x7f) throw new RangeError('crc32OfAscii takes ASCII text only');
    crc = (crc >>> 8) ^ (TABLE[(crc ^ code) & 0xff] ?? 0);
  }
  return (crc ^ 0xffffffff) >>> 0;
}
