import { join } from 'node:path';
import { consoleBusLogger, errorText, type BusLogger } from '../bus-logger';
import { BusError } from '../bus.errors';
import type { MessageBus, OutgoingMessage, SubscribeOptions, Subscription } from '../bus.port';
import { encodeMessages } from '../delivery/message-validation';
import { subscriptionSettings } from '../delivery/subscription-settings';
import { assertValidTopic } from '../topics';
import type { BusSynchronous } from './bus-schema';
import { BusStore } from './bus-store';
import { ConsumerGroup } from './consumer-group';
import { InProcessSubscription } from './in-process-subscription';
import type { WorkerContext } from './partition-worker';
import { TopicSignals } from './topic-signal';

export interface InProcessBusOptions {
  /** The SQLite file (see inProcessBusPath); `:memory:` for a bus that lives as long as the object. */
  readonly path: string;
  /** Partitions of topics this bus creates (default 3); a topic keeps the count it was created with. */
  readonly partitions?: number;
  /** Fallback re-read for messages published by other processes (default 1000 ms). */
  readonly pollIntervalMs?: number;
  /** Messages every known group has committed past are deleted once older than this (default 7 days). */
  readonly retentionMs?: number;
  /** How often retention runs (default 60 s). */
  readonly retentionCheckIntervalMs?: number;
  /** `normal` by default; see BusSynchronous. */
  readonly synchronous?: BusSynchronous;
  readonly logger?: BusLogger;
  readonly clock?: () => Date;
}

/** Where the embedded bus keeps its file under the service's DATA_DIR. */
export const inProcessBusPath = (dataDir: string): string => join(dataDir, 'bus.sqlite');

const DAY_MS = 24 * 60 * 60 * 1000;

function positiveInteger(name: string, value: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new BusError('BUS.INVALID_OPTIONS', `${name} must be an integer from 0 to ${max}, got ${value}`, {
      [name]: value,
    });
  }
  return value;
}

/**
 * The embedded bus: topic logs and consumer group offsets in one SQLite file (WAL), so
 * messages survive a restart and a group resumes after its last committed offset. Publishing
 * wakes this process's subscribers at once; a poll picks up other processes' publishes.
 * Consumer groups are coordinated within one bus object: a group is consumed by one process.
 */
export class InProcessBus implements MessageBus {
  private readonly groups = new Map<string, ConsumerGroup>();
  private readonly subscriptions = new Set<InProcessSubscription>();
  private readonly context: WorkerContext;
  private readonly retentionTimer: NodeJS.Timeout;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly store: BusStore,
    private readonly retentionMs: number,
    options: InProcessBusOptions,
  ) {
    const logger = options.logger ?? consoleBusLogger;
    const clock = options.clock ?? (() => new Date());
    const pollIntervalMs = Math.max(1, positiveInteger('pollIntervalMs', options.pollIntervalMs ?? 1000));
    this.context = { store, signals: new TopicSignals(), logger, clock, pollIntervalMs };
    const every = Math.max(1, positiveInteger('retentionCheckIntervalMs', options.retentionCheckIntervalMs ?? 60_000));
    this.retentionTimer = setInterval(() => this.runRetention(), every).unref();
  }

  static open(options: InProcessBusOptions): InProcessBus {
    const partitions = Math.max(1, positiveInteger('partitions', options.partitions ?? 3, 1024));
    const retentionMs = positiveInteger('retentionMs', options.retentionMs ?? 7 * DAY_MS);
    const store = BusStore.open(options.path, options.synchronous ?? 'normal', partitions);
    return new InProcessBus(store, retentionMs, options);
  }

  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    return new Promise((resolve) => {
      this.assertOpen();
      assertValidTopic(topic);
      const encoded = encodeMessages(messages);
      if (encoded.length > 0) {
        this.store.append(topic, encoded, this.context.clock());
        this.context.signals.notify(topic);
      }
      resolve();
    });
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    this.assertOpen();
    const settings = subscriptionSettings(options);
    this.store.registerGroup(settings.group, settings.topic, this.context.clock());
    const group = this.groupFor(settings.topic, settings.group);
    const subscription = new InProcessSubscription(settings, group, (stopped) => this.subscriptions.delete(stopped));
    this.subscriptions.add(subscription);
    await group.join(subscription);
    return subscription;
  }

  /** Deletes the messages retention allows to go now; returns how many. Also runs on a timer. */
  pruneRetained(): number {
    this.assertOpen();
    return this.store.prune(new Date(this.context.clock().getTime() - this.retentionMs));
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    clearInterval(this.retentionTimer);
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.store.close();
  }

  private groupFor(topic: string, group: string): ConsumerGroup {
    const id = JSON.stringify([group, topic]);
    let consumerGroup = this.groups.get(id);
    if (consumerGroup === undefined) {
      consumerGroup = new ConsumerGroup(this.context, topic, group, this.store.partitionsOf(topic));
      this.groups.set(id, consumerGroup);
    }
    return consumerGroup;
  }

  private runRetention(): void {
    try {
      const deleted = this.pruneRetained();
      if (deleted > 0) this.context.logger.info('Bus retention deleted messages', { deleted });
    } catch (error) {
      this.context.logger.error('Bus retention failed', { error: errorText(error) });
    }
  }

  private assertOpen(): void {
    if (this.closing !== undefined) throw new BusError('BUS.CLOSED', 'The bus is closed');
  }
}
