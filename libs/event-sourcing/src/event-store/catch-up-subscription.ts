import type { AppendSignal } from './append-signal';
import { DEFAULT_PAGE_SIZE } from './append-validation';
import type { ReadAllOptions, ReadAllPage, SubscribeOptions, Subscription, SubscriptionEnd } from './event-store.port';

export interface CatchUpSource {
  readAll(options: ReadAllOptions): Promise<ReadAllPage>;
  readonly signal: AppendSignal;
  /** How long to wait for a notification before reading again anyway. */
  readonly pollIntervalMs: number;
}

/**
 * A subscription built on readAll: pages from the checkpoint until the end, then waits for an
 * append notification (or the poll interval) and pages again. Because readAll never skips an
 * event that commits late, neither does this; the checkpoint only moves past delivered events.
 */
export function startCatchUpSubscription(source: CatchUpSource, options: SubscribeOptions): Subscription {
  const abort = new AbortController();
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;

  async function deliverPage(after: number | undefined): Promise<{ checkpoint: number | undefined; isEnd: boolean }> {
    const page = await source.readAll({ after, maxCount: pageSize });
    let checkpoint = after;
    for (const event of page.events) {
      if (abort.signal.aborted) return { checkpoint, isEnd: true };
      await options.onEvent(event);
      checkpoint = event.globalPosition;
    }
    return { checkpoint, isEnd: page.isEnd };
  }

  async function run(): Promise<SubscriptionEnd> {
    let checkpoint = options.after;
    try {
      while (!abort.signal.aborted) {
        const seen = source.signal.version;
        const page = await deliverPage(checkpoint);
        checkpoint = page.checkpoint;
        if (page.isEnd) await source.signal.wait(seen, source.pollIntervalMs, abort.signal);
      }
      return { reason: 'stopped' };
    } catch (error) {
      abort.abort();
      return { reason: 'failed', error };
    }
  }

  const ended = run();
  return {
    ended,
    stop: () => {
      abort.abort();
      return ended;
    },
  };
}
