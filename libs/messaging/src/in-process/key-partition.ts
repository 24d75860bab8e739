/**
 * The partition of a key: FNV-1a (32 bit) over its UTF-8 bytes, modulo the partition count.
 * Stable across processes and versions, so a key stays in its partition across restarts.
 */
export function partitionOfKey(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(key, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}
