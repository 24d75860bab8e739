import {
  type EventStore,
  type GlobalPosition,
  parseStreamName,
  type RecordedEvent,
  type Subscription,
} from '@portal/event-sourcing';
import type { MessageBus, OutgoingMessage } from '@portal/messaging';
import type { CheckpointStore } from '@portal/read-models';
import { eventMessage } from '../event-message';
import { type CategoryDomains, topicOfStream } from '../event-routing';
import { describeError, type PipelineLogger, silentPipelineLogger } from '../pipeline-logger';

export interface EventRelayOptions {
  readonly store: EventStore;
  readonly bus: MessageBus;
  /** Where the relay keeps the position of the last event it published. */
  readonly checkpoints: CheckpointStore;
  readonly domains: CategoryDomains;
  /** Only the events of these stream categories are published; all by default. */
  readonly categories?: readonly string[];
  /** The checkpoint's name; `relay` by default. */
  readonly name?: string;
  /** Events published in one batch at most; 500 by default. */
  readonly maxBatch?: number;
  /** Pause before starting again from the checkpoint after a failure; 1 s by default. */
  readonly retryDelayMs?: number;
  /**
   * The checkpoint is written at most this often (and once more when the relay goes quiet or
   * stops); 250 ms by default. It is only where a restarted relay begins: saving it after every
   * batch cost a read-store write per batch, and a relay that restarts from an older one
   * publishes a few events again, which consumers drop by id.
   */
  readonly checkpointIntervalMs?: number;
  readonly logger?: PipelineLogger;
}

/**
 * Forwards every appended event to its domain's topic, keyed by stream, in global order. The
 * checkpoint moves only after the bus has accepted a batch; after a failure or a crash the
 * relay starts again from it, so an event may be published twice but never lost.
 */
export class EventRelay {
  private subscription: Subscription | null = null;
  private buffer: RecordedEvent[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private draining = false;
  private flushTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private publishedCount = 0;
  private lastPublished: GlobalPosition | null = null;
  private lastSaved: GlobalPosition | null = null;
  private savedAt = 0;
  private saveTimer: NodeJS.Timeout | null = null;
  private saving: Promise<void> | null = null;
  private readonly name: string;
  private readonly checkpointIntervalMs: number;
  private readonly maxBatch: number;
  private readonly logger: PipelineLogger;

  private constructor(private readonly options: EventRelayOptions) {
    this.name = options.name ?? 'relay';
    this.maxBatch = options.maxBatch ?? 500;
    this.checkpointIntervalMs = options.checkpointIntervalMs ?? 250;
    this.logger = options.logger ?? silentPipelineLogger;
  }

  static async start(options: EventRelayOptions): Promise<EventRelay> {
    const relay = new EventRelay(options);
    await relay.subscribe();
    return relay;
  }

  /** Events published since this relay started (repeats after a restart included). */
  get published(): number {
    return this.publishedCount;
  }

  /** The position of the last event published, null before the first. */
  get position(): GlobalPosition | null {
    return this.lastPublished;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.subscription?.stop();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    await this.flushSoon(0);
    await this.flushing.catch(() => undefined);
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    await this.saving;
    if (this.retryTimer === null) await this.saveCheckpoint().catch(() => undefined);
  }

  private async subscribe(): Promise<void> {
    const after = (await this.options.checkpoints.get(this.name)) ?? undefined;
    this.buffer = [];
    const subscription = this.options.store.subscribeToAll({ after, onEvent: (event) => this.onEvent(event) });
    this.subscription = subscription;
    void subscription.ended.then((end) => {
      if (end.reason === 'failed') this.restart(end.error);
    });
  }

  private async onEvent(event: RecordedEvent): Promise<void> {
    this.buffer.push(event);
    // Waiting on a full batch holds the subscription back: memory stays bounded.
    await (this.buffer.length >= this.maxBatch ? this.flushSoon(0) : this.flushSoon(2));
  }

  /**
   * Publishes what is buffered after `delayMs`. One publish is in flight at a time; the events
   * that arrive meanwhile wait in the buffer and go out together as soon as it is accepted.
   * (Starting a batch of its own every few milliseconds queued dozens of small publishes behind
   * each broker round trip, and events waited hundreds of milliseconds in that queue.) Resolves
   * once the buffer has been published, or the relay has failed and is starting again.
   */
  private flushSoon(delayMs: number): Promise<void> {
    if (delayMs > 0) {
      this.flushTimer ??= setTimeout(() => {
        this.flushTimer = null;
        void this.flushSoon(0);
      }, delayMs);
      return Promise.resolve();
    }
    if (!this.draining) {
      this.draining = true;
      this.flushing = this.drain();
    }
    return this.flushing;
  }

  /** Publishes batches of what is buffered until it is empty; a failure restarts the relay. */
  private async drain(): Promise<void> {
    try {
      while (this.buffer.length > 0 && this.retryTimer === null) {
        await this.publish(this.buffer.splice(0, this.maxBatch));
      }
    } catch (error) {
      this.restart(error);
    } finally {
      this.draining = false;
    }
  }

  private async publish(batch: readonly RecordedEvent[]): Promise<void> {
    if (this.retryTimer) return; // a restart is pending: the batch will be read again
    let published = 0;
    for (const [topic, messages] of byTopic(batch, this.options.domains, this.options.categories)) {
      await this.options.bus.publish(topic, messages);
      published += messages.length;
    }
    this.publishedCount += published;
    this.lastPublished = batch.at(-1)!.globalPosition;
    this.scheduleSave();
  }

  /*
   * The checkpoint is saved beside the publishing, never in its way: a slow read-store write
   * held every later event back when the flushes awaited it. One save runs at a time, at most
   * every checkpointIntervalMs, always of a position already published; a failed save is only
   * logged, and the next one covers it.
   */
  private scheduleSave(): void {
    if (this.saving !== null || this.saveTimer !== null || this.stopped) return;
    const wait = this.checkpointIntervalMs - (Date.now() - this.savedAt);
    if (wait > 0) {
      this.saveTimer = setTimeout(() => {
        this.saveTimer = null;
        this.scheduleSave();
      }, wait).unref();
      return;
    }
    this.saving = this.saveCheckpoint()
      .catch((error: unknown) => {
        this.logger.warn(`relay ${this.name}: saving the checkpoint failed (${describeError(error)}); trying again`);
      })
      .finally(() => {
        this.saving = null;
        if (this.lastPublished !== this.lastSaved) this.scheduleSave();
      });
  }

  private async saveCheckpoint(): Promise<void> {
    const position = this.lastPublished;
    if (position === null || position === this.lastSaved) return;
    this.savedAt = Date.now();
    await this.options.checkpoints.advance(this.name, position);
    this.lastSaved = position;
  }

  /** After a failure: drop what is buffered and start again from the checkpoint. */
  private restart(error: unknown): void {
    if (this.stopped || this.retryTimer) return;
    this.logger.warn(`relay ${this.name}: ${describeError(error)}; starting again from the checkpoint`);
    const failed = this.subscription;
    this.subscription = null;
    this.buffer = [];
    this.retryTimer = setTimeout(() => {
      void (async () => {
        await failed?.stop();
        await this.flushing.catch(() => undefined);
        // What the old subscription delivered after the failed batch must not be published
        // before that batch: it is all read again from the checkpoint.
        this.buffer = [];
        this.retryTimer = null;
        if (!this.stopped) await this.subscribe().catch((cause: unknown) => this.restart(cause));
      })();
    }, this.options.retryDelayMs ?? 1_000);
  }
}

/** The batch's messages per topic, each topic's in global order. */
function byTopic(
  batch: readonly RecordedEvent[],
  domains: CategoryDomains,
  categories: readonly string[] | undefined,
): Map<string, OutgoingMessage[]> {
  const topics = new Map<string, OutgoingMessage[]>();
  for (const event of batch) {
    if (categories && !categories.includes(parseStreamName(event.streamId).category)) continue;
    const topic = topicOfStream(event.streamId, domains);
    const messages = topics.get(topic) ?? [];
    messages.push(eventMessage(event));
    topics.set(topic, messages);
  }
  return topics;
}
