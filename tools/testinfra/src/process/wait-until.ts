import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  /** What is awaited, for the timeout message ("kafka to log 'Kafka Server started'"). */
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Checked before each attempt: a reason to give up early (e.g. the process exited). */
  abortReason?: () => string | undefined;
}

/**
 * Calls `check` until it returns true. A check that throws counts as "not yet"; the last
 * error is part of the timeout message.
 */
export async function waitUntil(check: () => Promise<boolean>, options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    const abort = options.abortReason?.();
    if (abort !== undefined) throw new Error(`gave up waiting for ${options.what}: ${abort}`);
    try {
      if (await check()) return;
    } catch (error) {
      lastError = ` (last error: ${(error as Error).message})`;
    }
    await sleep(options.intervalMs ?? 250);
  }
  throw new Error(`timed out after ${options.timeoutMs / 1000} s waiting for ${options.what}${lastError}`);
}
