import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, item]) => [key, canonical(item)]));
  }
  return value;
}

/**
 * A SHA-256 of the command's canonical JSON (object keys sorted, undefined left out), so
 * the same command always has the same fingerprint whatever order its fields were set in.
 */
export function commandFingerprint(command: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(command)) ?? 'undefined')
    .digest('hex');
}
