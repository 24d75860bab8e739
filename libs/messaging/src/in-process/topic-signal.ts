/**
 * Wakes partition workers when a topic may have new messages. A waiter passes the version it
 * saw before its last read, so a publish between that read and the wait is never missed.
 */
export class TopicSignals {
  private readonly versions = new Map<string, number>();
  private readonly waiters = new Map<string, Set<() => void>>();

  version(topic: string): number {
    return this.versions.get(topic) ?? 0;
  }

  notify(topic: string): void {
    this.versions.set(topic, this.version(topic) + 1);
    const waiting = this.waiters.get(topic);
    this.waiters.delete(topic);
    for (const wake of waiting ?? []) wake();
  }

  /** Resolves on the next publish after `seenVersion`, after `timeoutMs`, or on abort. */
  wait(topic: string, seenVersion: number, timeoutMs: number, abort: AbortSignal): Promise<void> {
    if (seenVersion !== this.version(topic) || abort.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const waiting = this.waiters.get(topic) ?? new Set<() => void>();
      this.waiters.set(topic, waiting);
      const done = (): void => {
        clearTimeout(timer);
        abort.removeEventListener('abort', done);
        waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      abort.addEventListener('abort', done, { once: true });
      waiting.add(done);
    });
  }
}
