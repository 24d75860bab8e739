import type { EachMessagePayload } from 'kafkajs';
import { errorText, type BusLogger } from '../bus-logger';
import { deadLetterMessage } from '../delivery/dead-letter';
import type { EncodedMessage } from '../delivery/message-validation';
import { runHandler } from '../delivery/run-handler';
import type { SubscriptionSettings } from '../delivery/subscription-settings';
import { deadLetterTopic } from '../topics';
import { fromKafkaMessage, offsetAfter } from './kafka-messages';
import { OffsetCommitter } from './offset-committer';

/** What the processor needs of the consumer that fetched the message. */
export interface ConsumerControls {
  seek(position: { topic: string; partition: number; offset: string }): void;
  commitOffsets(offsets: { topic: string; partition: number; offset: string }[]): Promise<void>;
}

export interface ProcessorDependencies {
  readonly publishDeadLetter: (topic: string, letter: EncodedMessage) => Promise<void>;
  readonly logger: BusLogger;
  readonly clock: () => Date;
}

/** The message a partition is stuck on: how often it failed, and its dead letter once it is due. */
interface FailingMessage {
  readonly offset: string;
  attempts: number;
  deadLetter?: EncodedMessage;
}

/**
 * The body of kafkajs's eachMessage for one subscription. A handled (or dead-lettered) message
 * has its offset marked for commit before the next message of its partition is processed;
 * an OffsetCommitter per consumer sends the marked offsets in the background. A failed
 * one is not retried in place, which would hold up every partition fetched with it: the
 * consumer seeks back to it and pauses its partition for the backoff delay, so only that
 * partition waits and the message comes back, followed by the rest in order.
 */
export class KafkaMessageProcessor {
  private readonly failing = new Map<number, FailingMessage>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly committers = new Map<ConsumerControls, OffsetCommitter>();
  private stopping = false;

  constructor(
    private readonly settings: SubscriptionSettings,
    private readonly dependencies: ProcessorDependencies,
  ) {}

  async onMessage(consumer: ConsumerControls, payload: EachMessagePayload): Promise<void> {
    if (this.stopping) {
      payload.pause();
      return;
    }
    const work = this.process(consumer, payload);
    this.inFlight.add(work);
    try {
      await work;
    } finally {
      this.inFlight.delete(work);
    }
  }

  /** Starts no further deliveries or retries and waits for the running ones and their commits. */
  async drain(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
    await this.flushCommits();
  }

  /** Waits until the offsets of every message handled so far are committed (or failed to be). */
  async flushCommits(): Promise<void> {
    await Promise.allSettled([...this.committers.values()].map((committer) => committer.flush()));
  }

  /** Forgets a replaced consumer's committer, after flushing what it still holds. */
  async forgetConsumer(consumer: ConsumerControls): Promise<void> {
    await this.committers.get(consumer)?.flush();
    this.committers.delete(consumer);
  }

  /** Forgets failing messages and pending commits of partitions this subscriber no longer owns. */
  retainPartitions(partitions: readonly number[]): void {
    for (const partition of this.failing.keys()) if (!partitions.includes(partition)) this.failing.delete(partition);
    for (const committer of this.committers.values()) committer.retainPartitions(partitions);
  }

  private async process(consumer: ConsumerControls, payload: EachMessagePayload): Promise<void> {
    const { topic, partition, message } = payload;
    const failing = this.failingMessage(partition, message.offset);
    if (failing.deadLetter === undefined) {
      failing.attempts += 1;
      const delivered = fromKafkaMessage(topic, partition, message, failing.attempts);
      const result = await runHandler(this.settings.handler, delivered);
      if (result.ok) return this.commit(consumer, topic, partition, message.offset);
      if (this.stopping) return;
      const context = this.logContext(partition, message.offset, failing.attempts, result.error);
      if (!this.settings.retry.exhausted(failing.attempts)) {
        this.dependencies.logger.warn('Message handler failed; retrying', context);
        return this.retryLater(consumer, payload, failing);
      }
      const { group } = this.settings;
      const reason = { group, error: result.error, attempts: failing.attempts, failedAt: this.dependencies.clock() };
      failing.deadLetter = deadLetterMessage(delivered, reason);
      this.dependencies.logger.error('Message handler failed; dead-lettering the message', context);
    }
    await this.deadLetter(consumer, payload, failing, failing.deadLetter);
  }

  private async deadLetter(
    consumer: ConsumerControls,
    payload: EachMessagePayload,
    failing: FailingMessage,
    letter: EncodedMessage,
  ) {
    const { topic, partition, message } = payload;
    try {
      await this.dependencies.publishDeadLetter(deadLetterTopic(topic), letter);
    } catch (error) {
      const context = this.logContext(partition, message.offset, failing.attempts, error);
      this.dependencies.logger.error('Could not publish to the dead-letter topic; retrying', context);
      return this.retryLater(consumer, payload, failing);
    }
    this.commit(consumer, topic, partition, message.offset);
  }

  private commit(consumer: ConsumerControls, topic: string, partition: number, offset: string): void {
    this.committerOf(consumer, topic).mark(partition, offsetAfter(offset));
    if (this.failing.get(partition)?.offset === offset) this.failing.delete(partition);
  }

  private committerOf(consumer: ConsumerControls, topic: string): OffsetCommitter {
    let committer = this.committers.get(consumer);
    if (committer === undefined) {
      const context = { topic, group: this.settings.group };
      committer = new OffsetCommitter(topic, consumer, this.dependencies.logger, context);
      this.committers.set(consumer, committer);
    }
    return committer;
  }

  private retryLater(consumer: ConsumerControls, payload: EachMessagePayload, failing: FailingMessage): void {
    const { topic, partition } = payload;
    this.failing.set(partition, failing);
    consumer.seek({ topic, partition, offset: failing.offset });
    const resume = payload.pause();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      resume();
    }, this.settings.retry.delayAfter(failing.attempts));
    this.timers.add(timer);
  }

  private failingMessage(partition: number, offset: string): FailingMessage {
    const known = this.failing.get(partition);
    return known?.offset === offset ? known : { offset, attempts: 0 };
  }

  private logContext(partition: number, offset: string, attempt: number, error: unknown) {
    const { topic, group } = this.settings;
    return { topic, group, partition, offset, attempt, error: errorText(error) };
  }
}
