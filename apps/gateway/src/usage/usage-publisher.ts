import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ServiceConfig } from '@portal/config';
import { describeError } from '@portal/event-pipeline';
import { MESSAGE_BUS, type MessageBus, USAGE_REQUESTS_TOPIC } from '@portal/messaging';
import { nestBusLogger, SERVICE_CONFIG, SERVICE_NAME } from '@portal/platform';
import { GATEWAY_TUNING, type GatewayTuning } from '../gateway-tuning';
import { PublishThread } from './publish-thread';
import type { CallEnd, PartnerCall } from './usage-batch';
import { UsageBatcher } from './usage-batcher';

const WARNING_EVERY_MS = 10_000;
/** How long closing waits for the last records to be published. */
const CLOSE_TIMEOUT_MS = 5_000;

/**
 * Publishes the gateway's usage records to `portal.usage.requests`, batched (see UsageBatcher).
 * On Kafka the batches go out from a thread of their own (PublishThread), so that partner calls
 * never wait on a publish; on the in-process bus, through the service's bus.
 */
@Injectable()
export class UsagePublisher {
  private readonly logger = new Logger('Usage');
  private readonly batcher: UsageBatcher;
  private readonly thread: PublishThread | null;
  private lastWarningAt = -Infinity;

  constructor(
    @Inject(MESSAGE_BUS) bus: MessageBus,
    @Inject(GATEWAY_TUNING) tuning: GatewayTuning,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(SERVICE_NAME) service: string,
  ) {
    const { BUS, DATA_DIR, KAFKA_BROKERS } = config;
    const thread =
      BUS === 'kafka'
        ? new PublishThread(
            { bus: { BUS, DATA_DIR, KAFKA_BROKERS }, clientId: `portal-${service}-usage` },
            nestBusLogger('UsageBus'),
          )
        : null;
    this.thread = thread;
    const publisher: Pick<MessageBus, 'publish'> = thread ?? bus;
    this.batcher = new UsageBatcher({
      publish: (messages) => publisher.publish(USAGE_REQUESTS_TOPIC, messages),
      flushMs: tuning.usageFlushMs,
      batchSize: tuning.usageBatchSize,
      batchBytes: tuning.usageBatchBytes,
      bufferLimit: tuning.usageBufferLimit,
      onPublishFailed: (error, buffered) => this.warn(error, buffered),
    });
  }

  /** The usage record of a call whose answer has ended. */
  record(call: PartnerCall, end: CallEnd): void {
    this.batcher.add(call, end);
  }

  /** Records published, waiting, and dropped because the buffer was full while the bus refused them. */
  counts(): { published: number; buffered: number; dropped: number } {
    return { published: this.batcher.published, buffered: this.batcher.buffered, dropped: this.batcher.dropped };
  }

  flush(): Promise<void> {
    return this.batcher.flush();
  }

  /** Publishes what is left; called once the HTTP server has finished its last call. */
  async close(): Promise<void> {
    await this.batcher.close(CLOSE_TIMEOUT_MS);
    await this.thread?.close();
    if (this.batcher.dropped > 0) this.logger.warn(`${this.batcher.dropped} usage records were dropped`);
  }

  private warn(error: unknown, buffered: number): void {
    const now = Date.now();
    if (now - this.lastWarningAt < WARNING_EVERY_MS) return;
    this.lastWarningAt = now;
    const { dropped } = this.batcher;
    this.logger.warn(
      `Could not publish usage records (${describeError(error)}); ${buffered} waiting, ${dropped} dropped`,
    );
  }
}
