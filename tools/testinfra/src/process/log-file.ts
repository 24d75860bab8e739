import { existsSync, readFileSync } from 'node:fs';

/** The last `lines` lines of a log file (empty when the file does not exist yet). */
export function logTail(file: string, lines = 20): string[] {
  if (!existsSync(file)) return [];
  const all = readFileSync(file, 'utf8').trimEnd().split('\n');
  return all.slice(-lines);
}

export function logContains(file: string, pattern: RegExp): boolean {
  return existsSync(file) && pattern.test(readFileSync(file, 'utf8'));
}
