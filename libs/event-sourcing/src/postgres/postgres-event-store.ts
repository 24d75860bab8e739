import { Pool } from 'pg';
import type { GlobalPosition, NewEvent, RecordedEvent } from '../domain/event-envelope';
import { assertNever } from '../domain/exhaustive';
import { UpcasterRegistry } from '../domain/upcaster-registry';
import { AppendSignal } from '../event-store/append-signal';
import {
  prepareEvents,
  readAllBounds,
  readStreamBounds,
  validateAppend,
  validateIdempotencyKey,
} from '../event-store/append-validation';
import { startCatchUpSubscription } from '../event-store/catch-up-subscription';
import { IdempotencyKeyReusedError, WrongExpectedRevisionError } from '../event-store/event-store.errors';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  IdempotencyRecord,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store/event-store.port';
import {
  appendRequest,
  batchParameters,
  outcomeFromRow,
  type AppendOutcome,
  type AppendRequest,
  type OutcomeRow,
} from './postgres-append-batch';
import { PostgresAppendBatcher } from './postgres-append-batcher';
import { PostgresNotificationListener } from './postgres-notification-listener';
import {
  EVENT_COLUMNS,
  eventFromPostgresRow,
  idempotencyRecordFromPostgresRow,
  type PostgresEventRow,
  type PostgresKeyRow,
} from './postgres-rows';
import { appendBatchSql, assertSchemaName, ensurePostgresSchema, notifyChannel } from './postgres-schema';

export interface PostgresEventStoreOptions {
  readonly connectionString: string;
  /** The schema holding the tables; `event_store` by default. One schema is one store. */
  readonly schema?: string;
  readonly upcasters?: UpcasterRegistry;
  /** Connections in the pool; 10 by default. */
  readonly poolSize?: number;
  /** Fallback re-read for subscriptions when a notification is missed; 1000 ms by default. */
  readonly pollIntervalMs?: number;
  /** Most appends written in one transaction; 200 by default. */
  readonly maxBatchSize?: number;
  readonly clock?: () => Date;
  /** Told about errors of idle pooled connections (the pool replaces them). */
  readonly onConnectionError?: (error: Error) => void;
}

/**
 * The PostgreSQL event store (`pg`). Appends go through one PL/pgSQL function call per batch:
 * see postgres-schema.ts for how the advisory lock keeps global positions in commit order.
 */
export class PostgresEventStore implements EventStore {
  private readonly signal = new AppendSignal();
  private readonly subscriptions = new Set<Subscription>();
  private readonly listener: PostgresNotificationListener;
  private readonly batcher: PostgresAppendBatcher;
  private readonly upcasters: UpcasterRegistry;

  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly options: PostgresEventStoreOptions,
  ) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.listener = new PostgresNotificationListener(options.connectionString, notifyChannel(schema), this.signal);
    const maxRequests = options.maxBatchSize ?? 200;
    this.batcher = new PostgresAppendBatcher((requests) => this.execute(requests), { maxRequests, maxBytes: 8 << 20 });
  }

  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const schema = options.schema ?? 'event_store';
    assertSchemaName(schema);
    const pool = new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
    pool.on('error', (error) => options.onConnectionError?.(error));
    try {
      await ensurePostgresSchema(pool, schema);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresEventStore(pool, schema, options);
  }

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    validateAppend(streamId, events, options);
    const prepared = prepareEvents(events, this.upcasters, (this.options.clock ?? (() => new Date()))());
    const request = appendRequest(streamId, options.expectedRevision ?? 'any', options.idempotency, prepared);
    return this.toAppendResult(request, await this.batcher.submit(request));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    const { from, max } = readStreamBounds(streamId, options);
    const { rows } = await this.pool.query<PostgresEventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.schema}.events
       WHERE stream_id = $1 AND stream_revision >= $2 ORDER BY stream_revision LIMIT $3`,
      [streamId, from, max],
    );
    return rows.map((row) => this.upcasters.upcast(eventFromPostgresRow(row)));
  }

  async headPosition(): Promise<GlobalPosition | null> {
    const { rows } = await this.pool.query<{ position: string | null }>(
      `SELECT max(global_position) AS position FROM ${this.schema}.events`,
    );
    const position = rows[0]?.position;
    return position === null || position === undefined ? null : Number(position);
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    const { after, max } = readAllBounds(options);
    const { rows } = await this.pool.query<PostgresEventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.schema}.events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
      [after, max],
    );
    const events = rows.map((row) => this.upcasters.upcast(eventFromPostgresRow(row)));
    return { events, checkpoint: events.at(-1)?.globalPosition ?? options.after, isEnd: events.length < max };
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    const readAll = async (page: ReadAllOptions): Promise<ReadAllPage> => {
      await this.listener.ensure();
      return this.readAll(page);
    };
    const pollIntervalMs = this.options.pollIntervalMs ?? 1000;
    const subscription = startCatchUpSubscription({ readAll, signal: this.signal, pollIntervalMs }, options);
    this.subscriptions.add(subscription);
    void subscription.ended.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async readIdempotencyRecord(key: string): Promise<IdempotencyRecord | null> {
    validateIdempotencyKey(key);
    const { rows } = await this.pool.query<PostgresKeyRow>(
      `SELECT key, fingerprint, stream_id, first_revision, event_count FROM ${this.schema}.idempotency_keys WHERE key = $1`,
      [key],
    );
    const [row] = rows;
    return row === undefined ? null : idempotencyRecordFromPostgresRow(row);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.batcher.idle();
    await this.listener.close();
    await this.pool.end();
  }

  private async execute(requests: readonly AppendRequest[]): Promise<AppendOutcome[]> {
    const { rows } = await this.pool.query<OutcomeRow>(appendBatchSql(this.schema), batchParameters(requests));
    return rows.map(outcomeFromRow);
  }

  private async toAppendResult(request: AppendRequest, outcome: AppendOutcome): Promise<AppendResult> {
    switch (outcome.status) {
      case 'appended':
        return {
          outcome: 'appended',
          streamRevision: outcome.streamRevision,
          events: recordedEvents(request, outcome),
        };
      case 'wrong_expected_revision':
        throw new WrongExpectedRevisionError(request.streamId, request.expectedRevision, outcome.actualRevision);
      case 'key_reused':
        throw new IdempotencyKeyReusedError(request.idempotency?.key ?? '');
      case 'duplicate': {
        const { firstRevision, eventCount } = outcome;
        const events =
          firstRevision === null
            ? []
            : await this.readStream(outcome.streamId, { fromRevision: firstRevision, maxCount: eventCount });
        return { outcome: 'duplicate', streamRevision: events.at(-1)?.streamRevision ?? null, events };
      }
      default:
        return assertNever(outcome, 'append outcome');
    }
  }
}

/** The appended events as stored, from the positions and revision the append function returned. */
function recordedEvents(
  request: AppendRequest,
  outcome: Extract<AppendOutcome, { status: 'appended' }>,
): RecordedEvent[] {
  const firstRevision = (outcome.streamRevision ?? -1) - request.events.length + 1;
  const firstPosition = outcome.firstPosition ?? 0;
  return request.events.map(({ id, type, schemaVersion, data, metadata, recordedAt }, index) => ({
    id,
    type,
    schemaVersion,
    streamId: request.streamId,
    streamRevision: firstRevision + index,
    globalPosition: firstPosition + index,
    recordedAt,
    data,
    metadata,
  }));
}
