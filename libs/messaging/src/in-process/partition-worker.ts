import { errorText, type BusLogger } from '../bus-logger';
import type { DeliveredMessage } from '../bus.port';
import { deadLetterMessage } from '../delivery/dead-letter';
import { runHandler, sleep } from '../delivery/run-handler';
import type { SubscriptionSettings } from '../delivery/subscription-settings';
import { deadLetterTopic } from '../topics';
import type { BusStore, GroupPosition, StoredMessage } from './bus-store';
import type { TopicSignals } from './topic-signal';

const BATCH_SIZE = 32;

export interface WorkerContext {
  readonly store: BusStore;
  readonly signals: TopicSignals;
  readonly logger: BusLogger;
  readonly clock: () => Date;
  readonly pollIntervalMs: number;
}

/** A subscriber as a partition worker sees it. */
export interface GroupMember {
  readonly settings: SubscriptionSettings;
  /** Aborted when the subscriber stops: no new delivery or retry starts for it. */
  readonly stopSignal: AbortSignal;
  /** Registers a delivery the subscriber's stop() waits for. */
  track<T>(work: Promise<T>): Promise<T>;
}

/**
 * Reads one partition of a topic for one consumer group, from the group's committed offset, and
 * hands each message to the member that owns the partition now. A message is retried in place
 * (later messages of the partition wait) until it is handled or dead-lettered; only then is the
 * offset after it committed. If its member stops meanwhile, the message goes to the next owner.
 */
export class PartitionWorker {
  private readonly abort = new AbortController();
  private readonly finished: Promise<void>;

  constructor(
    private readonly context: WorkerContext,
    private readonly position: GroupPosition,
    private readonly ownerOf: (partition: number) => GroupMember | undefined,
  ) {
    this.finished = this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.finished;
  }

  private async run(): Promise<void> {
    let next: number | undefined;
    while (!this.abort.signal.aborted) {
      try {
        next = await this.step(next ?? this.context.store.committedOffset(this.position));
      } catch (error) {
        this.context.logger.error('Bus partition worker failed; it retries', {
          ...this.position,
          error: errorText(error),
        });
        await sleep(this.context.pollIntervalMs, this.abort.signal);
      }
    }
  }

  /** Processes the next page of the partition, or waits for a publish; returns the next offset to read. */
  private async step(next: number): Promise<number> {
    const { store, signals, pollIntervalMs } = this.context;
    const seen = signals.version(this.position.topic);
    const page = store.read(this.position.topic, this.position.partition, next, BATCH_SIZE);
    if (page.length === 0) {
      await signals.wait(this.position.topic, seen, pollIntervalMs, this.abort.signal);
      return next;
    }
    for (const message of page) {
      if (!(await this.process(message))) return next;
      next = message.offset + 1;
    }
    return next;
  }

  /** True once the message is committed (handled or dead-lettered). */
  private async process(message: StoredMessage): Promise<boolean> {
    while (!this.abort.signal.aborted) {
      const member = this.ownerOf(this.position.partition);
      if (member === undefined) return false;
      if (await member.track(this.deliver(message, member))) return true;
    }
    return false;
  }

  private async deliver(stored: StoredMessage, member: GroupMember): Promise<boolean> {
    const { handler, retry } = member.settings;
    for (let attempt = 1; !member.stopSignal.aborted; attempt += 1) {
      const message = this.delivered(stored, attempt);
      const result = await runHandler(handler, message);
      if (result.ok) {
        this.context.store.commit(this.position, stored.offset + 1, this.context.clock());
        return true;
      }
      if (member.stopSignal.aborted) return false;
      if (retry.exhausted(attempt)) {
        this.deadLetter(message, result.error);
        return true;
      }
      const delay = retry.delayAfter(attempt);
      this.context.logger.warn('Message handler failed; retrying', {
        ...this.logContext(message, result.error),
        delay,
      });
      if (!(await sleep(delay, member.stopSignal))) return false;
    }
    return false;
  }

  private deadLetter(message: DeliveredMessage, error: unknown): void {
    const { store, signals, clock, logger } = this.context;
    const failedAt = clock();
    const dlq = deadLetterTopic(message.topic);
    const letter = deadLetterMessage(message, {
      group: this.position.group,
      error,
      attempts: message.attempt,
      failedAt,
    });
    store.deadLetterAndCommit(this.position, Number(message.offset) + 1, dlq, letter, failedAt);
    signals.notify(dlq);
    logger.error('Message handler failed; message dead-lettered', { ...this.logContext(message, error), dlq });
  }

  private delivered(stored: StoredMessage, attempt: number): DeliveredMessage {
    const { topic, partition } = this.position;
    const { key, value, headers, publishedAt, offset } = stored;
    return { topic, key, value, headers, partition, offset: String(offset), publishedAt, attempt };
  }

  private logContext(message: DeliveredMessage, error: unknown) {
    const { topic, group, partition } = this.position;
    return { topic, group, partition, offset: message.offset, attempt: message.attempt, error: errorText(error) };
  }
}
