import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { KEY_LOOKUP, type KeyLookup, type KeySnapshotPage, MAX_SNAPSHOT_PAGE } from '@portal/contracts';
import { describeError } from '@portal/event-pipeline';
import { type DeliveredMessage, MESSAGE_BUS, type MessageBus, type Subscription, TOPICS } from '@portal/messaging';
import { withTimeout } from '@portal/platform';
import { GATEWAY_TUNING, type GatewayTuning } from '../gateway-tuning';
import type { CachedKey } from './cached-key';
import { KeyCache } from './key-cache';
import { type KeyEventMessage, keyEventOf } from './key-event';

/** The keys service could not be asked, or could not vouch for the key: the call is refused with 503. */
export const UNCONFIRMED = 'unconfirmed' as const;

/** A key as the gateway knows it: usable or not is the caller's check; null: no such key. */
export type KeyResolution = CachedKey | null | typeof UNCONFIRMED;

const MAX_SNAPSHOT_RETRY_MS = 30_000;
/** While the keys service fails, its failures are logged at most this often. */
const CONFIRM_WARNING_EVERY_MS = 10_000;

/**
 * Keeps the key cache: reads the keys service's snapshot (KEY_LOOKUP) at start and follows the
 * key events on the bus, in a consumer group of its own, so every gateway process sees every
 * event. The cache is trusted only while the bus is in contact; otherwise, and for keys the
 * cache is unsure of, each key is confirmed with KEY_LOOKUP, and refused (503) when that fails.
 */
@Injectable()
export class KeyCacheService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('KeyCache');
  private readonly cache = new KeyCache();
  private readonly confirming = new Map<string, Promise<KeyResolution>>();
  private subscription: Subscription | null = null;
  private snapshotLoaded = false;
  /** Events delivered while the snapshot is read; folded in, in order, once it is. */
  private pending: KeyEventMessage[] = [];
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private lastConfirmWarningAt = -Infinity;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(GATEWAY_TUNING) private readonly tuning: GatewayTuning,
    @Optional() @Inject(KEY_LOOKUP) private readonly lookup: KeyLookup | null = null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.lookup === null) {
      this.logger.warn(
        'No key lookup is available (a gateway running alone needs INTERNAL_TOKEN and KEYS_URL): the key cache ' +
          'follows the bus only, and every key is refused (503) whenever the bus is silent',
      );
    }
    // Subscribe first: an event published while the snapshot is read is delivered, not lost.
    this.subscription = await this.bus.subscribe({
      topic: TOPICS.keysEvents,
      group: `gateway.keycache.${randomUUID()}`,
      handler: (message) => this.onMessage(message),
    });
    await this.loadSnapshot(this.tuning.snapshotRetryMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.subscription?.stop().catch((error: unknown) => this.logger.warn(`stop: ${describeError(error)}`));
  }

  /** How many keys the cache holds, and whether it is trusted now. */
  status(now = Date.now()): { keys: number; ready: boolean; trusted: boolean } {
    return { keys: this.cache.size, ready: this.snapshotLoaded, trusted: this.isTrusted(now) };
  }

  /** When the key events' subscriber last heard from the bus (epoch ms), null when never or stopped. */
  busLastContactAt(): number | null {
    return this.subscription?.lastContactAt() ?? null;
  }

  /**
   * The key with this secret hash: from the cache when it is trusted and sure of the key (no
   * promise, no allocation), otherwise confirmed with the keys service.
   */
  resolve(secretHash: string, now: number): KeyResolution | Promise<KeyResolution> {
    if (this.isTrusted(now)) {
      const entry = this.cache.byHashOf(secretHash);
      if (entry !== undefined && entry.needsRevision === null) return entry.key;
      if (entry === undefined && !this.cache.hasLostKeys) return null;
    }
    return this.confirm(secretHash);
  }

  private isTrusted(now: number): boolean {
    const lastContact = this.busLastContactAt();
    return this.snapshotLoaded && lastContact !== null && now - lastContact <= this.tuning.busSilenceMs;
  }

  /** Asks KEY_LOOKUP once for concurrent callers of the same hash; folds the answer into the cache. */
  private confirm(secretHash: string): Promise<KeyResolution> {
    if (this.lookup === null) return Promise.resolve(UNCONFIRMED);
    let running = this.confirming.get(secretHash);
    if (running === undefined) {
      running = this.lookUp(this.lookup, secretHash).finally(() => this.confirming.delete(secretHash));
      this.confirming.set(secretHash, running);
    }
    return running;
  }

  private async lookUp(lookup: KeyLookup, secretHash: string): Promise<KeyResolution> {
    try {
      const record = await withTimeout(
        lookup.findBySecretHash(secretHash),
        this.tuning.confirmTimeoutMs,
        `no answer within ${this.tuning.confirmTimeoutMs} ms`,
      );
      if (record !== null && record.key.secretHash === secretHash) this.cache.put(record);
    } catch (error) {
      this.warnConfirmFailure(error);
      return UNCONFIRMED;
    }
    const entry = this.cache.byHashOf(secretHash);
    if (entry === undefined) return null;
    return entry.needsRevision === null ? entry.key : UNCONFIRMED;
  }

  private warnConfirmFailure(error: unknown): void {
    const now = Date.now();
    if (now - this.lastConfirmWarningAt < CONFIRM_WARNING_EVERY_MS) return;
    this.lastConfirmWarningAt = now;
    this.logger.warn(`Could not confirm a key with the keys service: ${describeError(error)}`);
  }

  private onMessage(message: DeliveredMessage): Promise<void> {
    let keyEvent: KeyEventMessage | null;
    try {
      keyEvent = keyEventOf(message);
    } catch (error) {
      // Retrying cannot repair it, and this group's dead letters would help nobody.
      this.logger.warn(
        `Ignored a message at ${message.topic}/${message.partition}/${message.offset}: ${describeError(error)}`,
      );
      return Promise.resolve();
    }
    if (keyEvent === null) return Promise.resolve();
    if (this.snapshotLoaded) this.applyEvent(keyEvent);
    else this.pending.push(keyEvent);
    return Promise.resolve();
  }

  private applyEvent({ keyId, event }: KeyEventMessage): void {
    const outcome = this.cache.apply(event, keyId);
    if (outcome.kind === 'refetch') void this.confirm(outcome.secretHash);
    if (outcome.kind === 'lost') {
      this.logger.warn(`Missed events of key ${keyId}: calls with unknown keys are confirmed until it is found`);
    }
  }

  /** Reads every snapshot page, then folds in the events delivered meanwhile; retries on failure. */
  private async loadSnapshot(retryMs: number): Promise<void> {
    try {
      await this.readSnapshot();
    } catch (error) {
      if (this.stopped) return;
      this.logger.warn(`Could not read the key snapshot (${describeError(error)}); trying again in ${retryMs} ms`);
      this.retryTimer = setTimeout(() => void this.loadSnapshot(Math.min(retryMs * 2, MAX_SNAPSHOT_RETRY_MS)), retryMs);
      this.retryTimer.unref();
      return;
    }
    const pending = this.pending;
    this.pending = [];
    for (const keyEvent of pending) this.applyEvent(keyEvent);
    this.snapshotLoaded = true;
    this.logger.log(`Key cache ready with ${this.cache.size} keys`);
  }

  private async readSnapshot(): Promise<void> {
    if (this.lookup === null) return;
    let after: string | null = null;
    do {
      const page: KeySnapshotPage = await withTimeout(
        this.lookup.snapshotPage(after, MAX_SNAPSHOT_PAGE),
        this.tuning.snapshotPageTimeoutMs,
        `no snapshot page within ${this.tuning.snapshotPageTimeoutMs} ms`,
      );
      for (const record of page.keys) this.cache.put(record);
      after = page.next;
    } while (after !== null);
  }
}
