import {
  encodeUsageRecords,
  MAX_USAGE_RECORDS_PER_MESSAGE,
  type UsageRecord,
  usageMessageKey,
} from '@portal/contracts';
import type { OutgoingMessage } from '@portal/messaging';

export interface UsageBatcherOptions {
  /** Publishes one batch; rejects when the bus refuses it (the batch is then kept and retried). */
  readonly publish: (messages: readonly OutgoingMessage[]) => Promise<void>;
  /** Records wait at most this long before a publish… */
  readonly flushMs: number;
  /** …and are published at once when this many are waiting; also the most a batch holds. */
  readonly batchSize: number;
  /** Records held at most; more arriving while the bus refuses them are dropped and counted. */
  readonly bufferLimit: number;
  /** Told of a failed publish (the caller decides how often to log). */
  readonly onPublishFailed?: (error: unknown, buffered: number) => void;
}

/**
 * A batch's records as messages: one per key id ('unknown' for calls without a known key)
 * holding that key's records in order, split at MAX_USAGE_RECORDS_PER_MESSAGE.
 */
export function usageMessagesOf(batch: readonly UsageRecord[]): OutgoingMessage[] {
  const byKey = new Map<string, UsageRecord[]>();
  for (const record of batch) {
    const key = usageMessageKey(record);
    const records = byKey.get(key);
    if (records === undefined) byKey.set(key, [record]);
    else records.push(record);
  }
  const messages: OutgoingMessage[] = [];
  for (const [key, records] of byKey) {
    for (let start = 0; start < records.length; start += MAX_USAGE_RECORDS_PER_MESSAGE) {
      messages.push({ key, value: encodeUsageRecords(records.slice(start, start + MAX_USAGE_RECORDS_PER_MESSAGE)) });
    }
  }
  return messages;
}

/**
 * Collects usage records in memory and publishes them in batches (usageMessagesOf) without
 * ever making a call wait: `add` only appends. One publish runs at a time; a failed
 * batch goes back to the front and is tried again at the next flush. The buffer is bounded:
 * while the bus is down, records past `bufferLimit` are dropped and counted in `dropped`.
 */
export class UsageBatcher {
  private buffer: UsageRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private droppedCount = 0;
  private publishedCount = 0;

  constructor(private readonly options: UsageBatcherOptions) {}

  /** Records dropped because the buffer was full. */
  get dropped(): number {
    return this.droppedCount;
  }

  get published(): number {
    return this.publishedCount;
  }

  get buffered(): number {
    return this.buffer.length;
  }

  add(record: UsageRecord): void {
    if (this.buffer.length >= this.options.bufferLimit) {
      this.droppedCount += 1;
      return;
    }
    this.buffer.push(record);
    if (this.buffer.length >= this.options.batchSize) this.flushSoon(0);
    else this.flushSoon(this.options.flushMs);
  }

  /** Publishes what is buffered, batch after batch, after any flush already running; stops at the first refusal. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.flushing = this.flushing.then(() => this.drain());
    return this.flushing;
  }

  /** Stops the timer and publishes what is left, giving up after `timeoutMs` (what is left is counted as dropped). */
  async close(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.buffer.length > 0 && Date.now() < deadline) {
      await this.flush();
      if (this.buffer.length > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.droppedCount += this.buffer.length;
    this.buffer = [];
  }

  private flushSoon(delayMs: number): void {
    if (this.timer !== null && delayMs > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delayMs);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.options.batchSize);
      if (!(await this.publishBatch(batch))) return;
    }
  }

  private async publishBatch(batch: UsageRecord[]): Promise<boolean> {
    try {
      await this.options.publish(usageMessagesOf(batch));
      this.publishedCount += batch.length;
      return true;
    } catch (error) {
      // Back to the front, in order; what no longer fits is dropped.
      const room = Math.max(0, this.options.bufferLimit - this.buffer.length);
      this.droppedCount += Math.max(0, batch.length - room);
      this.buffer = [...batch.slice(0, room), ...this.buffer];
      this.options.onPublishFailed?.(error, this.buffer.length);
      this.flushSoon(this.options.flushMs);
      return false;
    }
  }
}
