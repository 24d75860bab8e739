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
  /** The append call alone (the event store's commit): p99. */
  readonly appendP99Ms: number;
  /** From the append to the event's delivery to a bare subscriber of its topic (relay and bus, no read-model write): p99. */
  readonly deliveryP99Ms: number;
}

/**
 * Append-to-read-model lag per event: from the start of the append call that stored entry
 * n until the projection has applied entry n (its first application; a redelivery changes
 * nothing and is not counted).
 */
export class LagRecorder {
  private readonly appendedAt: Float64Array;
  /** The same append times, never cleared: the append's own latency and the deliveries are timed from them. */
  private readonly appendStart: Float64Array;
  private readonly lags: number[] = [];
  private readonly appendLatencies: number[] = [];
  private readonly deliveries: number[] = [];
  private readonly delivered = new Set<number>();
  private applyMs = 0;
  private firstAppend = Number.NaN;
  private lastAppend = Number.NaN;
  private appends = 0;

  constructor(capacity: number) {
    this.appendedAt = new Float64Array(capacity + 1).fill(Number.NaN);
    this.appendStart = new Float64Array(capacity + 1).fill(Number.NaN);
  }

  get applied(): number {
    return this.lags.length;
  }

  appending(n: number): void {
    const now = performance.now();
    this.appendedAt[n] = now;
    this.appendStart[n] = now;
    if (this.appends === 0) this.firstAppend = now;
    this.lastAppend = now;
    this.appends += 1;
  }

  /** The append call that stored entry n has returned. */
  appended(n: number): void {
    const appendedAt = this.appendStart[n] ?? Number.NaN;
    if (!Number.isNaN(appendedAt)) this.appendLatencies.push(performance.now() - appendedAt);
  }

  /** A bare subscriber of the topic received entry n (its first delivery). */
  readonly onDelivered = (n: number): void => {
    const appendedAt = this.appendStart[n] ?? Number.NaN;
    if (Number.isNaN(appendedAt) || this.delivered.has(n)) return;
    this.delivered.add(n);
    this.deliveries.push(performance.now() - appendedAt);
  };

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
      appendP99Ms: percentile(
        [...this.appendLatencies].sort((a, b) => a - b),
        0.99,
      ),
      deliveryP99Ms: percentile(
        [...this.deliveries].sort((a, b) => a - b),
        0.99,
      ),
    };
  }
}
