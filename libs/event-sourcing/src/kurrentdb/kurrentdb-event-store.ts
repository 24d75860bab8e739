import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  streamNameFilter,
  StreamNotFoundError,
} from '@kurrent/kurrentdb-client';
import type { ExpectedRevision, GlobalPosition, NewEvent, RecordedEvent } from '../domain/event-envelope';
import { UpcasterRegistry } from '../domain/upcaster-registry';
import {
  prepareEvents,
  readAllBounds,
  readStreamBounds,
  validateAppend,
  validateIdempotencyKey,
  type PreparedEvent,
} from '../event-store/append-validation';
import { IdempotencyKeyReusedError, WrongExpectedRevisionError } from '../event-store/event-store.errors';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  IdempotencyOptions,
  IdempotencyRecord,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store/event-store.port';
import { fromResolvedEvent, fromWrongExpectedVersion, toEventData, toStreamState } from './kurrentdb-events';
import { firstRevisionOf, KurrentDbIdempotency, toIdempotencyRecord } from './kurrentdb-idempotency';
import { OUR_STREAMS, positionAfter, startKurrentDbSubscription } from './kurrentdb-subscription';

export interface KurrentDbEventStoreOptions {
  /** `kurrentdb://…` (or the older `esdb://…`). */
  readonly connectionString: string;
  readonly upcasters?: UpcasterRegistry;
  readonly clock?: () => Date;
}

const ours = new RegExp(OUR_STREAMS);
const MAX_KEY_RACES = 5;

/** The EventStoreDB / KurrentDB event store (`@kurrent/kurrentdb-client`). */
export class KurrentDbEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();
  private readonly upcasters: UpcasterRegistry;
  private readonly idempotency: KurrentDbIdempotency;

  private constructor(
    private readonly client: KurrentDBClient,
    private readonly options: KurrentDbEventStoreOptions,
  ) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.idempotency = new KurrentDbIdempotency(client);
  }

  static open(options: KurrentDbEventStoreOptions): Promise<KurrentDbEventStore> {
    return Promise.resolve(
      new KurrentDbEventStore(KurrentDBClient.connectionString(options.connectionString), options),
    );
  }

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    validateAppend(streamId, events, options);
    const prepared = prepareEvents(events, this.upcasters, (this.options.clock ?? (() => new Date()))());
    const expected = options.expectedRevision ?? 'any';
    if (options.idempotency !== undefined) return this.appendOnce(streamId, prepared, expected, options.idempotency);
    const revision = await this.write(streamId, prepared, expected);
    return this.result('appended', streamId, revision, prepared.length);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    const { from, max } = readStreamBounds(streamId, options);
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, { fromRevision: BigInt(from), maxCount: max, direction: FORWARDS });
      for await (const resolved of read) {
        const event = fromResolvedEvent(resolved);
        if (event !== null) events.push(this.upcasters.upcast(event));
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return events;
  }

  /** The newest of the portal's events, read backwards from the end of $all. */
  async headPosition(): Promise<GlobalPosition | null> {
    const read = this.client.readAll({
      fromPosition: END,
      maxCount: 1,
      direction: BACKWARDS,
      filter: streamNameFilter({ regex: OUR_STREAMS }),
    });
    for await (const resolved of read) {
      const event = fromResolvedEvent(resolved);
      if (event !== null && ours.test(event.streamId)) return event.globalPosition;
    }
    return null;
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    const { max } = readAllBounds(options);
    const events: RecordedEvent[] = [];
    const read = this.client.readAll({
      fromPosition: positionAfter(options.after),
      maxCount: max + 1,
      direction: FORWARDS,
      filter: streamNameFilter({ regex: OUR_STREAMS }),
    });
    for await (const resolved of read) {
      const event = fromResolvedEvent(resolved);
      if (event === null || !ours.test(event.streamId)) continue;
      if (options.after !== undefined && event.globalPosition <= options.after) continue;
      events.push(this.upcasters.upcast(event));
    }
    const page = events.slice(0, max);
    return { events: page, checkpoint: page.at(-1)?.globalPosition ?? options.after, isEnd: events.length <= max };
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    const subscription = startKurrentDbSubscription(this.client, this.upcasters, options);
    this.subscriptions.add(subscription);
    void subscription.ended.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  /**
   * The key's result if its latest attempt is in the store. An attempt interrupted between its
   * record and its events is completed here if it still can be; one that cannot is no result.
   */
  async readIdempotencyRecord(key: string): Promise<IdempotencyRecord | null> {
    validateIdempotencyKey(key);
    const latest = await this.idempotency.latest(key);
    if (latest === null) return null;
    return (await this.idempotency.complete(latest.record)) ? toIdempotencyRecord(latest.record) : null;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  /**
   * A keyed append (see KurrentDbIdempotency). When another attempt with the same key records
   * itself first, its result is looked up again, a few times, before giving up with a conflict.
   */
  private async appendOnce(
    streamId: string,
    events: readonly PreparedEvent[],
    expected: ExpectedRevision,
    { key, fingerprint }: IdempotencyOptions,
  ): Promise<AppendResult> {
    for (let attempt = 1; ; attempt += 1) {
      const latest = await this.idempotency.latest(key);
      if (latest !== null) {
        const { record } = latest;
        if (record.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError(key);
        if (await this.idempotency.complete(record)) {
          const first = firstRevisionOf(record);
          const count = record.events.length;
          return this.result('duplicate', record.streamId, first === null ? null : first + count - 1, count);
        }
      }
      const exact = await this.exactRevision(streamId, expected);
      const recorded = await this.idempotency.recordAttempt(
        { key, fingerprint, streamId, expected: exact, events },
        latest?.revision ?? null,
      );
      if (recorded) return this.result('appended', streamId, await this.write(streamId, events, exact), events.length);
      if (attempt >= MAX_KEY_RACES) throw new WrongExpectedRevisionError(streamId, expected, null);
    }
  }

  /** `any` and `stream_exists` made exact, so that a repeat of the attempt is recognised. */
  private async exactRevision(streamId: string, expected: ExpectedRevision): Promise<number | 'no_stream'> {
    if (typeof expected === 'number' || expected === 'no_stream') return expected;
    let current: number | null = null;
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        current = resolved.event === undefined ? current : Number(resolved.event.revision);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    if (expected === 'stream_exists' && current === null)
      throw new WrongExpectedRevisionError(streamId, expected, null);
    return current ?? 'no_stream';
  }

  private async write(
    streamId: string,
    events: readonly PreparedEvent[],
    expected: ExpectedRevision,
  ): Promise<number | null> {
    if (events.length === 0) return this.readLastRevision(streamId);
    try {
      const result = await this.client.appendToStream(streamId, events.map(toEventData), {
        streamState: toStreamState(expected),
      });
      return Number(result.nextExpectedRevision);
    } catch (error) {
      throw fromWrongExpectedVersion(error, streamId, expected);
    }
  }

  private async readLastRevision(streamId: string): Promise<number | null> {
    const last = await this.exactRevision(streamId, 'any');
    return last === 'no_stream' ? null : last;
  }

  /** The result of an append: its events read back, with the positions the server gave them. */
  private async result(
    outcome: AppendResult['outcome'],
    streamId: string,
    lastRevision: number | null,
    count: number,
  ): Promise<AppendResult> {
    if (lastRevision === null || count === 0) return { outcome, streamRevision: lastRevision, events: [] };
    const events = await this.readStream(streamId, { fromRevision: lastRevision - count + 1, maxCount: count });
    return { outcome, streamRevision: lastRevision, events };
  }
}
