import { startTestInfra, type TestInfra } from '@portal/testinfra';
import { embeddedAppends, embeddedRead1000 } from './embedded-measurements';
import { openPostgresBench, type PostgresBench } from './postgres-measurements';
import { median, progress, round, type RunFigures } from './timing';

/**
 * `npm run bench:eventstore`: single-event append throughput and p99 latency of the embedded
 * and PostgreSQL event stores, against raw single-row INSERTs into the same PostgreSQL (same
 * server, same durability, same pool size and concurrency), and the time to read a 1,000-event
 * stream from the embedded store. Each figure is the median of REPETITIONS runs; adapter and
 * raw runs alternate so drift affects both alike, and pg_ratio is the median of the ratios of
 * those back-to-back pairs. The last line is one JSON object.
 */
const RUN_MS = Number(process.env.BENCH_RUN_MS ?? 3000);
const REPETITIONS = 3;
/** Concurrent appenders for the headline PostgreSQL figures: a service handling several requests at once. */
const PG_CONCURRENCY = 8;

interface Medians {
  readonly perSecond: number;
  readonly p99Ms: number;
}

const medians = (runs: readonly RunFigures[]): Medians => ({
  perSecond: median(runs.map((run) => run.perSecond)),
  p99Ms: median(runs.map((run) => run.p99Ms)),
});

const describeRun = (label: string, run: RunFigures): string =>
  `${label}: ${round(run.perSecond)}/s, p50 ${round(run.p50Ms, 2)} ms, p99 ${round(run.p99Ms, 2)} ms (${run.operations} ops)`;

async function repeat(label: string, measure: () => Promise<RunFigures>): Promise<RunFigures> {
  const run = await measure();
  progress(describeRun(label, run));
  return run;
}

interface PostgresFigures {
  readonly adapter: Medians;
  readonly raw: Medians;
  /** The median of adapter/raw over back-to-back pairs of runs, so that load from elsewhere cancels out. */
  readonly ratio: number;
}

async function postgresFigures(bench: PostgresBench, concurrency: number): Promise<PostgresFigures> {
  const adapter: RunFigures[] = [];
  const raw: RunFigures[] = [];
  const ratios: number[] = [];
  for (let i = 1; i <= REPETITIONS; i += 1) {
    const a = await repeat(`pg adapter c=${concurrency} #${i}`, () => bench.adapterAppends(RUN_MS, concurrency));
    const r = await repeat(`pg raw INSERT c=${concurrency} #${i}`, () => bench.rawInserts(RUN_MS, concurrency));
    adapter.push(a);
    raw.push(r);
    ratios.push(a.perSecond / r.perSecond);
  }
  return { adapter: medians(adapter), raw: medians(raw), ratio: median(ratios) };
}

async function databaseUrl(): Promise<{ url: string; infra: TestInfra | null }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, infra: null };
  progress('DATABASE_URL not set: starting a throwaway PostgreSQL');
  const infra = await startTestInfra({ servers: ['postgres'], log: (line) => progress(line) });
  const url = infra.env.DATABASE_URL;
  if (url === undefined) {
    await infra.stop();
    throw new Error(`no PostgreSQL: ${infra.missing.map((m) => `${m.reason}. ${m.howTo}`).join('; ')}`);
  }
  return { url, infra };
}

async function main(): Promise<void> {
  const embedded: RunFigures[] = [];
  for (let i = 1; i <= REPETITIONS; i += 1) {
    embedded.push(await repeat(`embedded (synchronous=NORMAL) #${i}`, () => embeddedAppends(RUN_MS, 'normal')));
  }
  const embeddedFull = await repeat('embedded (synchronous=FULL)', () => embeddedAppends(RUN_MS, 'full'));
  const read = await embeddedRead1000();
  progress(
    `embedded read of a 1,000-event stream: first ${round(read.firstMs, 2)} ms, median ${round(read.medianMs, 2)} ms`,
  );

  const { url, infra } = await databaseUrl();
  const bench = await openPostgresBench(url);
  let figures: Record<string, number | string>;
  try {
    progress(`PostgreSQL durability: ${bench.durability}`);
    const headline = await postgresFigures(bench, PG_CONCURRENCY);
    const single = await postgresFigures(bench, 1);
    const e = medians(embedded);
    figures = {
      embedded_appends_per_s: round(e.perSecond),
      embedded_append_p99_ms: round(e.p99Ms, 3),
      pg_appends_per_s: round(headline.adapter.perSecond),
      pg_append_p99_ms: round(headline.adapter.p99Ms, 3),
      pg_raw_insert_per_s: round(headline.raw.perSecond),
      pg_ratio: round(headline.ratio, 3),
      embedded_read_1000_ms: round(read.medianMs, 3),
      embedded_read_1000_first_ms: round(read.firstMs, 3),
      embedded_full_sync_appends_per_s: round(embeddedFull.perSecond),
      pg_concurrency: PG_CONCURRENCY,
      pg_c1_appends_per_s: round(single.adapter.perSecond),
      pg_c1_append_p99_ms: round(single.adapter.p99Ms, 3),
      pg_c1_raw_insert_per_s: round(single.raw.perSecond),
      pg_c1_ratio: round(single.ratio, 3),
      pg_durability: bench.durability,
      run_ms: RUN_MS,
      repetitions: REPETITIONS,
    };
  } finally {
    await bench.close();
    await infra?.stop();
  }
  // Printed after everything is shut down, so that nothing can follow it.
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:eventstore failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
