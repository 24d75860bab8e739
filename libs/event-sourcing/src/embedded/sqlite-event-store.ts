import { join } from 'node:path';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { inImmediateTransaction, openSqliteDatabase, prepareStatements } from '@portal/sqlite';
import type { GlobalPosition, NewEvent, RecordedEvent } from '../domain/event-envelope';
import { UpcasterRegistry } from '../domain/upcaster-registry';
import { AppendSignal } from '../event-store/append-signal';
import {
  isExpectedRevision,
  prepareEvents,
  readAllBounds,
  readStreamBounds,
  validateAppend,
  validateIdempotencyKey,
  type PreparedEvent,
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
import { eventFromRow, idempotencyRecordFromRow, type EventRow, type KeyRow } from './sqlite-rows';
import { createEventTables, SQL, type SqliteSynchronous } from './sqlite-schema';
import { settle } from '@portal/sqlite';

export interface SqliteEventStoreOptions {
  /** The database file; `:memory:` for a store that lives as long as the object. */
  readonly path: string;
  readonly upcasters?: UpcasterRegistry;
  /** `normal` by default; see SqliteSynchronous. */
  readonly synchronous?: SqliteSynchronous;
  /** Fallback re-read for subscriptions, for appends made by other processes; 1000 ms by default. */
  readonly pollIntervalMs?: number;
  readonly clock?: () => Date;
}

/** Where the embedded store keeps its file under the service's DATA_DIR. */
export const embeddedEventStorePath = (dataDir: string): string => join(dataDir, 'events.sqlite');

type TransactionOutcome =
  | { readonly kind: 'appended'; readonly result: AppendResult }
  | { readonly kind: 'duplicate'; readonly record: IdempotencyRecord };

type Statements = { readonly [K in keyof typeof SQL]: StatementSync };

/**
 * The embedded event store: one SQLite file through Node's built-in `node:sqlite`, in WAL
 * mode. Every append is one IMMEDIATE transaction (revision check, inserts, idempotency key),
 * so global positions are assigned and become visible in commit order.
 */
export class SqliteEventStore implements EventStore {
  private readonly signal = new AppendSignal();
  private readonly subscriptions = new Set<Subscription>();
  private readonly upcasters: UpcasterRegistry;

  private constructor(
    private readonly db: DatabaseSync,
    private readonly statements: Statements,
    private readonly options: SqliteEventStoreOptions,
  ) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
  }

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    const db = openSqliteDatabase(options.path, options.synchronous ?? 'normal');
    createEventTables(db);
    return new SqliteEventStore(db, prepareStatements(db, SQL), options);
  }

  append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    return settle(() => {
      validateAppend(streamId, events, options);
      const prepared = prepareEvents(events, this.upcasters, (this.options.clock ?? (() => new Date()))());
      const outcome = this.inTransaction(() => this.appendInTransaction(streamId, prepared, options));
      if (outcome.kind === 'duplicate') return this.duplicateResult(outcome.record);
      if (prepared.length > 0) this.signal.notify();
      return outcome.result;
    });
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    return settle(() => {
      const { from, max } = readStreamBounds(streamId, options);
      const rows = this.statements.readStream.all(streamId, from, max) as unknown as EventRow[];
      return rows.map((row) => this.toRecordedEvent(row));
    });
  }

  headPosition(): Promise<GlobalPosition | null> {
    return settle(() => {
      const row = this.statements.headPosition.get() as { position: number | null } | undefined;
      return row?.position ?? null;
    });
  }

  readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    return settle(() => {
      const { after, max } = readAllBounds(options);
      const rows = this.statements.readAll.all(after, max) as unknown as EventRow[];
      const events = rows.map((row) => this.toRecordedEvent(row));
      return { events, checkpoint: events.at(-1)?.globalPosition ?? options.after, isEnd: events.length < max };
    });
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    const subscription = startCatchUpSubscription(
      {
        readAll: (page) => this.readAll(page),
        signal: this.signal,
        pollIntervalMs: this.options.pollIntervalMs ?? 1000,
      },
      options,
    );
    this.subscriptions.add(subscription);
    void subscription.ended.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  readIdempotencyRecord(key: string): Promise<IdempotencyRecord | null> {
    return settle(() => {
      validateIdempotencyKey(key);
      const row = this.statements.selectKey.get(key) as KeyRow | undefined;
      return row === undefined ? null : idempotencyRecordFromRow(row);
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    if (this.db.isOpen) this.db.close();
  }

  private appendInTransaction(
    streamId: string,
    events: readonly PreparedEvent[],
    options: AppendOptions,
  ): TransactionOutcome {
    const { idempotency } = options;
    const keyRow = idempotency && (this.statements.selectKey.get(idempotency.key) as KeyRow | undefined);
    if (idempotency && keyRow) {
      if (keyRow.fingerprint !== idempotency.fingerprint) throw new IdempotencyKeyReusedError(idempotency.key);
      return { kind: 'duplicate', record: idempotencyRecordFromRow(keyRow) };
    }
    const expected = options.expectedRevision ?? 'any';
    const current = (this.statements.currentRevision.get(streamId) as { revision: number | null }).revision;
    if (!isExpectedRevision(expected, current)) throw new WrongExpectedRevisionError(streamId, expected, current);
    const recorded = events.map((event, index) => this.insert(streamId, (current ?? -1) + 1 + index, event));
    if (idempotency) {
      const first = recorded[0]?.streamRevision ?? null;
      const now = new Date().toISOString();
      this.statements.insertKey.run(idempotency.key, idempotency.fingerprint, streamId, first, recorded.length, now);
    }
    const streamRevision = recorded.at(-1)?.streamRevision ?? current;
    return { kind: 'appended', result: { outcome: 'appended', streamRevision, events: recorded } };
  }

  private insert(streamId: string, revision: number, event: PreparedEvent): RecordedEvent {
    const { lastInsertRowid } = this.statements.insertEvent.run(
      event.id,
      streamId,
      revision,
      event.type,
      event.schemaVersion,
      JSON.stringify(event.data),
      JSON.stringify(event.metadata),
      event.recordedAt,
    );
    const { id, type, schemaVersion, data, metadata, recordedAt } = event;
    const globalPosition = Number(lastInsertRowid);
    return { id, type, schemaVersion, streamId, streamRevision: revision, globalPosition, recordedAt, data, metadata };
  }

  private inTransaction<T>(work: () => T): T {
    return inImmediateTransaction(this.db, work);
  }

  private async duplicateResult(record: IdempotencyRecord): Promise<AppendResult> {
    const events =
      record.firstRevision === null
        ? []
        : await this.readStream(record.streamId, { fromRevision: record.firstRevision, maxCount: record.eventCount });
    return { outcome: 'duplicate', streamRevision: events.at(-1)?.streamRevision ?? null, events };
  }

  private toRecordedEvent(row: EventRow): RecordedEvent {
    return this.upcasters.upcast(eventFromRow(row));
  }
}
