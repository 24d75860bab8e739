import { performance } from 'node:perf_hooks';

/** Throughput and latency of one timed run. */
export interface RunFigures {
  readonly operations: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/** The middle value; with an even count, the mean of the two middle ones (neither side's pick). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[middle] ?? Number.NaN;
  if (sorted.length === 0) return Number.NaN;
  return ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/**
 * Runs `operation` from `concurrency` workers, each awaiting its previous call, for
 * `durationMs`; every call's latency is kept. Worker `w` passes its own sequence number `n`.
 */
export async function timedRun(
  durationMs: number,
  concurrency: number,
  operation: (worker: number, n: number) => Promise<unknown>,
): Promise<RunFigures> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let n = 0; performance.now() < deadline; n += 1) {
        const before = performance.now();
        await operation(worker, n);
        latencies.push(performance.now() - before);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    operations: latencies.length,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}

export const round = (value: number, digits = 0): number => Number(value.toFixed(digits));

export function progress(line: string): void {
  process.stdout.write(`[bench:eventstore] ${line}\n`);
}
