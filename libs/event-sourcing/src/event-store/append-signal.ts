/**
 * Wakes subscriptions when events may have been appended. A waiter passes the version it saw
 * before its last read, so a notification between that read and the wait is never lost.
 */
export class AppendSignal {
  private currentVersion = 0;
  private readonly waiters = new Set<() => void>();

  get version(): number {
    return this.currentVersion;
  }

  notify(): void {
    this.currentVersion += 1;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  /** Resolves on the next notification after `seenVersion`, after `timeoutMs`, or on abort. */
  wait(seenVersion: number, timeoutMs: number, abort: AbortSignal): Promise<void> {
    if (seenVersion !== this.currentVersion || abort.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        abort.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      abort.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }
}
