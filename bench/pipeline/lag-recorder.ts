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
  /** Entries already applied once: a redelivery is not timed again. */
  private readonly appliedOnce: Uint8Array;
  private readonly deliveredOnce: Uint8Array;
  private readonly lags: number[] = [];
  private readonly appendLatencies: number[] = [];
  private readonly deliveries: number[] = [];
  private applyMs = 0;
  private firstAppend = Number.NaN;
  private lastAppend = Number.NaN;
  private appends = 0;

  constructor(capacity: number) {
    this.appendedAt = new Float64Array(capacity + 1).fill(Number.NaN);
    this.appliedOnce = new Uint8Array(capacity + 1);
    this.deliveredOnce = new Uint8Array(capacity + 1);
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

  /** The append call that stored entry n has returned. */
  appended(n: number): void {
    const appendedAt = this.appendedAt[n] ?? Number.NaN;
    if (!Number.isNaN(appendedAt)) this.appendLatencies.push(performance.now() - appendedAt);
  }

  /** A bare subscriber of the topic received entry n (its first delivery). */
  readonly onDelivered = (n: number): void => {
    const appendedAt = this.appendedAt[n] ?? Number.NaN;
    if (Number.isNaN(appendedAt) || this.deliveredOnce[n] === 1) return;
    this.deliveredOnce[n] = 1;
    this.deliveries.push(performance.now() - appendedAt);
  };

  readonly onApplied = ({ event, outcomes }: EntryApplied): void => {
    if (!outcomes.includes('applied')) return;
    const n = entryNumber(event);
    const appendedAt = this.appendedAt[n] ?? Number.NaN;
    if (Number.isNaN(appendedAt) || this.appliedOnce[n] === 1) return;
    this.appliedOnce[n] = 1;
    this.lags.push(performance.now() - appendedAt);
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
