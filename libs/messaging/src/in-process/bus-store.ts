import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { inImmediateTransaction, openSqliteDatabase, prepareStatements } from '@portal/sqlite';
import type { EncodedMessage } from '../delivery/message-validation';
import { BUS_SQL, createBusTables, type BusSynchronous, type MessageRow, type SafeOffsetRow } from './bus-schema';
import { partitionOfKey } from './key-partition';

type Statements = { readonly [K in keyof typeof BUS_SQL]: StatementSync };

/** A message read back from a partition's log. */
export interface StoredMessage {
  readonly offset: number;
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Readonly<Record<string, string>>;
  readonly publishedAt: Date;
}

/** Where a consumer group is in one partition of a topic. */
export interface GroupPosition {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
}

const toStored = (row: MessageRow): StoredMessage => ({
  offset: row.message_offset,
  key: row.key,
  value: Buffer.from(row.value.buffer, row.value.byteOffset, row.value.byteLength),
  headers: JSON.parse(row.headers) as Record<string, string>,
  publishedAt: new Date(row.published_at),
});

/**
 * The in-process bus's SQLite file: topic logs and consumer group offsets. Every write is one
 * IMMEDIATE transaction, so offsets are assigned in commit order and a dead-letter publish and
 * the commit past the failed message happen together or not at all.
 */
export class BusStore {
  private readonly partitionCounts = new Map<string, number>();

  private constructor(
    private readonly db: DatabaseSync,
    private readonly sql: Statements,
    private readonly defaultPartitions: number,
  ) {}

  static open(path: string, synchronous: BusSynchronous, defaultPartitions: number): BusStore {
    const db = openSqliteDatabase(path, synchronous);
    createBusTables(db);
    return new BusStore(db, prepareStatements(db, BUS_SQL), defaultPartitions);
  }

  /** The topic's partition count, creating the topic with the default count on first use. */
  partitionsOf(topic: string): number {
    const known = this.partitionCounts.get(topic);
    if (known !== undefined) return known;
    const count = this.transaction(() => {
      this.sql.insertTopic.run(topic, this.defaultPartitions);
      const row = this.sql.topicPartitions.get(topic) as { partitions: number };
      for (let partition = 0; partition < row.partitions; partition += 1) {
        this.sql.insertPartition.run(topic, partition);
      }
      return row.partitions;
    });
    this.partitionCounts.set(topic, count);
    return count;
  }

  append(topic: string, messages: readonly EncodedMessage[], publishedAt: Date): void {
    const partitions = this.partitionsOf(topic);
    this.transaction(() => this.appendInTransaction(topic, partitions, messages, publishedAt.getTime()));
  }

  read(topic: string, partition: number, fromOffset: number, limit: number): StoredMessage[] {
    const rows = this.sql.readFrom.all(topic, partition, fromOffset, limit) as unknown as MessageRow[];
    return rows.map(toStored);
  }

  /** Makes the group known for every partition of the topic, at offset 0 where it is new. */
  registerGroup(group: string, topic: string, at: Date): void {
    const partitions = this.partitionsOf(topic);
    this.transaction(() => {
      for (let partition = 0; partition < partitions; partition += 1) {
        this.sql.registerGroup.run(group, topic, partition, at.getTime());
      }
    });
  }

  /** The next offset the group reads in the partition (0 when it never committed). */
  committedOffset({ group, topic, partition }: GroupPosition): number {
    const row = this.sql.committedOffset.get(group, topic, partition) as { next_offset: number } | undefined;
    return row?.next_offset ?? 0;
  }

  commit({ group, topic, partition }: GroupPosition, nextOffset: number, at: Date): void {
    this.sql.commit.run(group, topic, partition, nextOffset, at.getTime());
  }

  /** Publishes the dead letter and commits past the failed message in one transaction. */
  deadLetterAndCommit(position: GroupPosition, nextOffset: number, dlqTopic: string, letter: EncodedMessage, at: Date) {
    const partitions = this.partitionsOf(dlqTopic);
    this.transaction(() => {
      this.appendInTransaction(dlqTopic, partitions, [letter], at.getTime());
      this.commit(position, nextOffset, at);
    });
  }

  /** Deletes messages every known group has committed past and published before `before`. */
  prune(before: Date): number {
    return this.transaction(() => {
      let deleted = 0;
      for (const row of this.sql.safeOffsets.all() as unknown as SafeOffsetRow[]) {
        deleted += Number(this.sql.prune.run(row.topic, row.partition, row.safe_offset, before.getTime()).changes);
      }
      return deleted;
    });
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  private appendInTransaction(topic: string, partitions: number, messages: readonly EncodedMessage[], at: number) {
    const next = new Map<number, number>();
    for (const message of messages) {
      const partition = partitionOfKey(message.key, partitions);
      const offset =
        next.get(partition) ?? (this.sql.nextOffset.get(topic, partition) as { next_offset: number }).next_offset;
      this.sql.insertMessage.run(
        topic,
        partition,
        offset,
        message.key,
        message.value,
        JSON.stringify(message.headers),
        at,
      );
      next.set(partition, offset + 1);
    }
    for (const [partition, offset] of next) this.sql.setNextOffset.run(offset, topic, partition);
  }

  private transaction<T>(work: () => T): T {
    return inImmediateTransaction(this.db, work);
  }
}
