import { randomFillSync } from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

let lastMillis = -1;
let sequence = 0;

function format(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (byte) => HEX[byte]).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix time in milliseconds, then random bits, so
 * ids sort by creation time. Within one millisecond the 12-bit `rand_a` field is a counter
 * (RFC 9562 §6.2, method 1) that starts at a random value, so ids made by this process stay
 * strictly increasing; on overflow the timestamp is advanced by one millisecond.
 */
export function uuidv7(now: Date = new Date()): string {
  let millis = now.getTime();
  if (millis <= lastMillis) {
    millis = lastMillis;
    sequence += 1;
    if (sequence > 0xfff) {
      millis += 1;
      sequence = 0;
    }
  } else {
    sequence = -1;
  }
  const bytes = randomFillSync(new Uint8Array(16));
  if (sequence < 0) sequence = (((bytes[6] ?? 0) & 0x07) << 8) | (bytes[7] ?? 0);
  lastMillis = millis;
  const view = new DataView(bytes.buffer);
  view.setUint16(0, Math.floor(millis / 2 ** 32));
  view.setUint32(2, millis % 2 ** 32);
  view.setUint16(6, 0x7000 | sequence);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  return format(bytes);
}
