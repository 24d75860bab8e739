import { errorText, type BusLogger } from '../bus-logger';

/** What the committer needs of a consumer. */
export interface OffsetCommits {
  commitOffsets(offsets: { topic: string; partition: number; offset: string }[]): Promise<void>;
}

/**
 * Commits a consumer's handled offsets in the background, one commit request in flight at a
 * time: offsets marked while a commit is running are coalesced into the next request, the
 * newest per partition. Awaiting a broker round trip per message held every partition back by
 * one coordinator write per message (tens of milliseconds under load, seconds of lag at a
 * few hundred messages per second); the delivery guarantee is unchanged, since only offsets of
 * handled messages are ever committed, and a crash before a commit lands redelivers what
 * followed the last one (consumers drop duplicates by id).
 */
export class OffsetCommitter {
  private readonly pending = new Map<number, string>();
  private running: Promise<void> | undefined;
  private failures = 0;

  constructor(
    private readonly topic: string,
    private readonly consumer: OffsetCommits,
    private readonly logger: BusLogger,
    private readonly context: Readonly<Record<string, unknown>>,
  ) {}

  /** `nextOffset` (the offset after the handled message) is to be committed for the partition. */
  mark(partition: number, nextOffset: string): void {
    const known = this.pending.get(partition);
    if (known === undefined || BigInt(nextOffset) > BigInt(known)) this.pending.set(partition, nextOffset);
    this.run();
  }

  /** Drops pending offsets of partitions this consumer no longer owns (their new owner commits). */
  retainPartitions(partitions: readonly number[]): void {
    for (const partition of this.pending.keys()) if (!partitions.includes(partition)) this.pending.delete(partition);
  }

  /** Resolves once every offset marked so far has been committed, or a commit of them failed. */
  async flush(): Promise<void> {
    while (this.running !== undefined) await this.running;
    if (this.pending.size === 0) return;
    this.run();
    await this.inFlight();
  }

  private inFlight(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private run(): void {
    if (this.running !== undefined || this.pending.size === 0) return;
    this.running = this.commitPending().finally(() => {
      this.running = undefined;
      // Offsets marked during a failed commit wait for the next mark or flush, so that a
      // broker that is down is not asked again in a tight loop.
      if (this.failures === 0) this.run();
    });
  }

  private async commitPending(): Promise<void> {
    const batch = [...this.pending].map(([partition, offset]) => ({ topic: this.topic, partition, offset }));
    this.pending.clear();
    try {
      await this.consumer.commitOffsets(batch);
      this.failures = 0;
    } catch (error) {
      this.failures += 1;
      // Put the offsets back unless newer ones were marked meanwhile: committed later, or
      // redelivered if this consumer loses the partition first.
      for (const { partition, offset } of batch) if (!this.pending.has(partition)) this.pending.set(partition, offset);
      this.logger.warn('Committing offsets failed; they are committed with the next ones', {
        ...this.context,
        partitions: batch.map((entry) => entry.partition).join(','),
        error: errorText(error),
      });
    }
  }
}
