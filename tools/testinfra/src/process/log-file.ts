import { existsSync, readFileSync, statSync } from 'node:fs';

/** The last `lines` lines of a log file (empty when the file does not exist yet). */
export function logTail(file: string, lines = 20): string[] {
  if (!existsSync(file)) return [];
  const all = readFileSync(file, 'utf8').trimEnd().split('\n');
  return all.slice(-lines);
}

/** The size of a log file in bytes, 0 when it does not exist yet. */
export function logSize(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

/** Whether the log, from byte `from` on (what a restarted process appended), matches. */
export function logContains(file: string, pattern: RegExp, from = 0): boolean {
  return existsSync(file) && pattern.test(readFileSync(file).subarray(from).toString('utf8'));
}
