import { performance } from 'node:perf_hooks';
import { percentile } from '../eventstore/timing';
import { entryNumber } from './entry-events';
import type { EntryApplied } from './entry-streams.projection';

export interface LagFigures {
  /** Events appended, and applied by the projection. */
  readonly events: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Mean time the projection spent applying one event (its read-model writes). */
  readonly applyMeanMs: number;
  /** The append rate achieved: events over the time from the first append to the last. */
  readonly appendedPerSecond: number;
}

/**
 * Append-to-read-model lag per event: from the start of the append call that stored entry
 * n until the projection has applied entry n (its first application; a redelivery changes
 * nothing and is not counted).
 */
export class LagRecorder {
  private readonly appendedAt: Float64Array;
  private readonly lags: number[] = [];
  private applyMs = 0;
  private firstAppend = Number.NaN;
  private lastAppend = Number.NaN;
  private appends = 0;

  constructor(capacity: number) {
    this.appendedAt = new Float64Array(capacity + 1).fill(Number.NaN);
  }

  get applied(): number {
    return this.lags.length;
  }

  appending(n: number): void {
    const now = performance.now();
    this.appendedAt[n] = now;
    if (this.appends === 0) this.firstAppend = now;
    this.lastAppend = now;
    this.appends += 1;
  }

  readonly onApplied = ({ event, outcomes }: EntryApplied): void => {
    if (!outcomes.includes('applied')) return;
    const n = entryNumber(event);
    const appendedAt = this.appendedAt[n] ?? Number.NaN;
    if (Number.isNaN(appendedAt)) return;
    this.lags.push(performance.now() - appendedAt);
    this.appendedAt[n] = Number.NaN;
  };

  /** Adds the duration of one projection.apply call. */
  applyTook(ms: number): void {
    this.applyMs += ms;
  }

  figures(): LagFigures {
    const sorted = [...this.lags].sort((a, b) => a - b);
    return {
      events: sorted.length,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      maxMs: sorted.at(-1) ?? Number.NaN,
      applyMeanMs: sorted.length > 0 ? this.applyMs / sorted.length : Number.NaN,
      appendedPerSecond: (this.appends - 1) / ((this.lastAppend - this.firstAppend) / 1000),
    };
  }
}
