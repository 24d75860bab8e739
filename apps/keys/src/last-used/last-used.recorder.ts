import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { consumerGroup, type ServiceConfig } from '@portal/config';
import { decodeUsageRecords, type UsageRecord } from '@portal/contracts';
import {
  type DeliveredMessage,
  MESSAGE_BUS,
  type MessageBus,
  type Subscription,
  USAGE_REQUESTS_TOPIC,
} from '@portal/messaging';
import { SERVICE_CONFIG } from '@portal/platform';
import { READ_MODEL_STORE, type ReadModelStore } from '@portal/read-models';
import { KeysClock } from '../shared/keys-clock';
import { keyLastUsedReadModel } from './last-used.read-model';
import { sourceNetworkOf } from './source-network';

/** The consumer group of the keys service on the usage records (after BUS_GROUP_PREFIX, if set). */
export const LAST_USED_GROUP = 'keys.last-used';
/** A key's last use is recorded at most this often. */
export const LAST_USED_INTERVAL_MS = 60_000;
/** Keys remembered by the in-memory throttle before old entries are dropped. */
const MAX_REMEMBERED_KEYS = 10_000;
/** A record stamped further ahead of this service's clock is not believed (a gateway's clock is off). */
const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

/**
 * Keeps `api_key_last_used` from the gateway's usage records: when each key was last presented
 * and from which network. At most one write a minute per key: an in-memory throttle skips most
 * records, and the write itself only moves forward (its version is the record's time) and is
 * skipped when the stored time is less than a minute older, so several instances agree.
 * A record that cannot be decoded is logged and skipped, never retried.
 */
@Injectable()
export class LastUsedRecorder implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LastUsed');
  private readonly recorded = new Map<string, number>();
  private subscription: Subscription | null = null;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    private readonly clock: KeysClock,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = await this.bus.subscribe({
      topic: USAGE_REQUESTS_TOPIC,
      group: consumerGroup(this.config, LAST_USED_GROUP),
      handler: (message) => this.handle(message),
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
  }

  async handle(message: DeliveredMessage): Promise<void> {
    const decoded = decodeUsageRecords(message.value);
    const where = `${message.topic}[${message.partition}]@${message.offset}`;
    if (decoded === null) {
      this.logger.warn(`skipped a malformed usage message at ${where}`);
      return;
    }
    if (decoded.invalid > 0) this.logger.warn(`skipped ${decoded.invalid} malformed usage records at ${where}`);
    // Only a key's newest record of the message can move its last use.
    const newest = new Map<string, UsageRecord>();
    for (const record of decoded.records) {
      if (record.keyId === null) continue;
      const known = newest.get(record.keyId);
      if (known === undefined || Date.parse(record.at) >= Date.parse(known.at)) newest.set(record.keyId, record);
    }
    for (const [keyId, record] of newest) await this.record(keyId, record);
  }

  private async record(keyId: string, record: UsageRecord): Promise<void> {
    const at = Date.parse(record.at);
    if (!(at >= 0) || at > this.clock.now().getTime() + MAX_CLOCK_AHEAD_MS) {
      this.logger.warn(`skipped usage record ${JSON.stringify(record.requestId)}: its time is not believable`);
      return;
    }
    const previous = this.recorded.get(keyId);
    if (previous !== undefined && at - previous < LAST_USED_INTERVAL_MS) return;
    const lastUsed = await this.store.collection(keyLastUsedReadModel);
    const stored = await lastUsed.read(keyId);
    if (stored !== null && stored.version !== null && at - stored.version < LAST_USED_INTERVAL_MS) {
      this.remember(keyId, stored.version);
      return;
    }
    const doc = { keyId, lastUsedAt: new Date(at).toISOString(), lastUsedNetwork: sourceNetworkOf(record.sourceIp) };
    await lastUsed.upsert(keyId, doc, { version: at });
    this.remember(keyId, at);
  }

  private remember(keyId: string, at: number): void {
    if (this.recorded.size >= MAX_REMEMBERED_KEYS && !this.recorded.has(keyId)) {
      const oldest = this.recorded.keys().next();
      if (oldest.done !== true) this.recorded.delete(oldest.value);
    }
    this.recorded.set(keyId, Math.max(at, this.recorded.get(keyId) ?? at));
  }
}
