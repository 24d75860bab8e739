import type { AppendOutcome, AppendRequest } from './postgres-append-batch';

interface Pending {
  readonly request: AppendRequest;
  resolve(outcome: AppendOutcome): void;
  reject(error: unknown): void;
}

export interface BatcherLimits {
  readonly maxRequests: number;
  readonly maxBytes: number;
}

/**
 * Group commit for one process: appends that arrive while a batch is being written wait and
 * go together in the next one, one transaction and one WAL flush for all of them. Each append
 * keeps its own expected revision and outcome. With one append in flight a batch is just that
 * append, so nothing waits that would not have waited anyway.
 */
export class PostgresAppendBatcher {
  private readonly queue: Pending[] = [];
  private draining: Promise<void> | null = null;
  private running = false;

  constructor(
    private readonly execute: (requests: readonly AppendRequest[]) => Promise<AppendOutcome[]>,
    private readonly limits: BatcherLimits,
  ) {}

  submit(request: AppendRequest): Promise<AppendOutcome> {
    return new Promise<AppendOutcome>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (!this.running) {
        this.running = true;
        this.draining = this.drain();
      }
    });
  }

  /** Resolves when everything submitted so far has been written. */
  async idle(): Promise<void> {
    while (this.running) await this.draining;
  }

  private takeBatch(): Pending[] {
    let bytes = 0;
    let count = 0;
    while (count < this.queue.length && count < this.limits.maxRequests) {
      const next = this.queue[count];
      if (next === undefined || (count > 0 && bytes + next.request.size > this.limits.maxBytes)) break;
      bytes += next.request.size;
      count += 1;
    }
    return this.queue.splice(0, count);
  }

  /** Never rejects: every failure goes to the appends it concerns. */
  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        await this.writeBatch(this.takeBatch());
        // Lets the callers just answered submit their next appends first, so they join the next batch.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      // Cleared in the same tick as the last emptiness check, so a later submit starts a new drain.
      this.running = false;
    }
  }

  private async writeBatch(batch: readonly Pending[]): Promise<void> {
    try {
      const outcomes = await this.execute(batch.map((pending) => pending.request));
      batch.forEach((pending, index) => settleOne(pending, outcomes[index]));
    } catch (error) {
      if (batch.length === 1) batch[0]?.reject(error);
      else await this.oneByOne(batch);
    }
  }

  /** After a failed batch, each append alone: only the one that caused the failure fails. */
  private async oneByOne(batch: readonly Pending[]): Promise<void> {
    for (const pending of batch) {
      try {
        const [outcome] = await this.execute([pending.request]);
        settleOne(pending, outcome);
      } catch (error) {
        pending.reject(error);
      }
    }
  }
}

function settleOne(pending: Pending, outcome: AppendOutcome | undefined): void {
  if (outcome === undefined) pending.reject(new Error('append_batch returned fewer rows than requests'));
  else pending.resolve(outcome);
}
