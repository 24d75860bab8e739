import type { Consumer, Kafka } from 'kafkajs';
import { errorText, type BusLogger } from '../bus-logger';
import { BusError } from '../bus.errors';
import type { Subscription } from '../bus.port';
import type { SubscriptionSettings } from '../delivery/subscription-settings';
import { KafkaMessageProcessor, type ProcessorDependencies } from './kafka-message-processor';

export interface ConsumerTuning {
  readonly sessionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  readonly rebalanceTimeoutMs: number;
  readonly maxWaitTimeMs: number;
  readonly partitionsConsumedConcurrently: number;
  /** How long subscribe() waits for the first group join. */
  readonly joinTimeoutMs: number;
  /** First delay before re-creating a consumer that crashed for good; doubles up to 30 s. */
  readonly restartDelayMs: number;
}

export interface SubscriptionDependencies extends ProcessorDependencies {
  readonly kafka: Kafka;
  readonly tuning: ConsumerTuning;
  readonly logger: BusLogger;
  /** Called once the subscription has stopped. */
  readonly onStopped?: () => void;
}

const MAX_RESTART_DELAY_MS = 30_000;

/**
 * One kafkajs consumer in the subscription's group, with manual commits. kafkajs rejoins by
 * itself on rebalances and restarts itself after retriable crashes; when it gives up
 * (a crash with `restart: false`), this subscription replaces the consumer, with backoff.
 */
export class KafkaSubscription implements Subscription {
  private readonly processor: KafkaMessageProcessor;
  private consumer: Consumer | undefined;
  private assignment: readonly number[] = [];
  private restarts = 0;
  private lastContact: number | null = null;
  private restartTimer: NodeJS.Timeout | undefined;
  private replacing: Promise<void> = Promise.resolve();
  private stopped: Promise<void> | undefined;
  private readonly joined: Promise<void>;
  private onJoined = (): void => undefined;
  private onNotJoined = (_error: BusError): void => undefined;

  constructor(
    private readonly settings: SubscriptionSettings,
    private readonly dependencies: SubscriptionDependencies,
  ) {
    this.processor = new KafkaMessageProcessor(settings, dependencies);
    this.joined = new Promise((resolve, reject) => {
      this.onJoined = resolve;
      this.onNotJoined = reject;
    });
    // Observed by start(); a rejection after start() returned (a later stop) needs no one.
    this.joined.catch(() => undefined);
  }

  get topic(): string {
    return this.settings.topic;
  }

  get group(): string {
    return this.settings.group;
  }

  assignedPartitions(): readonly number[] {
    return this.assignment;
  }

  lastContactAt(): number | null {
    return this.stopped === undefined ? this.lastContact : null;
  }

  /** Starts the consumer and resolves once it has joined its group. */
  async start(): Promise<void> {
    const { joinTimeoutMs } = this.dependencies.tuning;
    const timer = setTimeout(
      () => this.onNotJoined(this.failure(`did not join its group within ${joinTimeoutMs} ms`)),
      joinTimeoutMs,
    );
    try {
      await this.startConsumer();
      await this.joined;
    } catch (error) {
      await this.stop();
      throw error instanceof BusError ? error : this.failure(errorText(error), error);
    } finally {
      clearTimeout(timer);
    }
  }

  stop(): Promise<void> {
    this.stopped ??= this.shutDown();
    return this.stopped;
  }

  private async shutDown(): Promise<void> {
    clearTimeout(this.restartTimer);
    this.onNotJoined(this.failure('was stopped before it joined its group'));
    await this.processor.drain();
    await this.replacing;
    this.assignment = [];
    try {
      await this.consumer?.disconnect();
    } catch (error) {
      this.dependencies.logger.warn('Kafka consumer did not disconnect cleanly', {
        ...this.ids(),
        error: errorText(error),
      });
    }
    this.dependencies.onStopped?.();
  }

  private async startConsumer(): Promise<void> {
    const { kafka, tuning } = this.dependencies;
    const consumer = kafka.consumer({
      groupId: this.settings.group,
      sessionTimeout: tuning.sessionTimeoutMs,
      heartbeatInterval: tuning.heartbeatIntervalMs,
      rebalanceTimeout: tuning.rebalanceTimeoutMs,
      maxWaitTimeInMs: tuning.maxWaitTimeMs,
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    this.listen(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic: this.settings.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: tuning.partitionsConsumedConcurrently,
      eachMessage: (payload) => this.processor.onMessage(consumer, payload),
    });
  }

  private listen(consumer: Consumer): void {
    const { GROUP_JOIN, REBALANCING, CRASH, FETCH, HEARTBEAT } = consumer.events;
    const contact = (): void => {
      if (consumer === this.consumer) this.lastContact = Date.now();
    };
    consumer.on(FETCH, contact);
    consumer.on(HEARTBEAT, contact);
    consumer.on(GROUP_JOIN, ({ payload }) => {
      if (consumer !== this.consumer || this.stopped !== undefined) return;
      contact();
      this.assignment = [...(payload.memberAssignment[this.settings.topic] ?? [])].sort((a, b) => a - b);
      this.processor.retainPartitions(this.assignment);
      this.restarts = 0;
      this.onJoined();
    });
    consumer.on(REBALANCING, () => {
      if (consumer === this.consumer) this.assignment = [];
    });
    consumer.on(CRASH, ({ payload }) => this.onCrash(consumer, payload.error, payload.restart));
  }

  private onCrash(consumer: Consumer, error: Error, restartsItself: boolean): void {
    if (consumer !== this.consumer || this.stopped !== undefined) return;
    this.assignment = [];
    const context = { ...this.ids(), error: errorText(error), restartsItself };
    this.dependencies.logger.error('Kafka consumer crashed', context);
    if (!restartsItself) this.scheduleReplacement();
  }

  private scheduleReplacement(): void {
    const delay = Math.min(MAX_RESTART_DELAY_MS, this.dependencies.tuning.restartDelayMs * 2 ** this.restarts);
    this.restarts += 1;
    this.restartTimer = setTimeout(() => {
      this.replacing = this.replaceConsumer();
    }, delay);
  }

  private async replaceConsumer(): Promise<void> {
    if (this.stopped !== undefined) return;
    try {
      const crashed = this.consumer;
      if (crashed !== undefined) await this.processor.forgetConsumer(crashed);
      await crashed?.disconnect();
      await this.startConsumer();
      this.dependencies.logger.warn('Kafka consumer replaced after a crash', this.ids());
    } catch (error) {
      this.dependencies.logger.error('Replacing the Kafka consumer failed; trying again', {
        ...this.ids(),
        error: errorText(error),
      });
      if (this.stopped === undefined) this.scheduleReplacement();
    }
  }

  private failure(problem: string, cause?: unknown): BusError {
    const { topic, group } = this.settings;
    return new BusError('BUS.SUBSCRIBE_FAILED', `Subscriber of ${group} to ${topic} ${problem}`, this.ids(), { cause });
  }

  private ids(): { topic: string; group: string } {
    return { topic: this.settings.topic, group: this.settings.group };
  }
}
