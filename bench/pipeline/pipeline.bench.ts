import { randomBytes } from 'node:crypto';
import { round } from '../eventstore/timing';
import { benchServers } from './bench-servers';
import { silentBusLogger } from '@portal/messaging';
import { dropDistributedData, openDistributedStores } from './distributed-stack';
import { openEmbeddedStores } from './embedded-stack';
import { type LagRunOptions, measureLag } from './lag-measurement';
import type { LagFigures } from './lag-recorder';
import { measureReplay } from './replay-measurement';

/**
 * `npm run bench:pipeline`: how long an appended event takes to reach the read model, and
 * how fast a read model is rebuilt.
 *
 * - Lag: events are appended at EVENTS_PER_SECOND for SECONDS (one event per append, spread
 *   round robin over STREAMS streams) while the relay and the projection run; for each event,
 *   the time from the start of its append until the projection has applied it. Embedded:
 *   SQLite event store, in-process bus, SQLite read models. Distributed: PostgreSQL, Kafka,
 *   MongoDB (FerretDB), started by startTestInfra unless DATABASE_URL, KAFKA_BROKERS,
 *   MONGODB_URI name them.
 * - Replay: REPLAY_EVENTS events in an embedded event store rebuilt by replayProjections into
 *   an embedded read-model store; baseline: reading them without applying anything.
 *
 * The projection is shaped like the portal's entity read models: one document per stream,
 * one version-guarded write per event. The last line is one JSON object.
 */
const EVENTS_PER_SECOND = 200;
const SECONDS = Number(process.env.PIPELINE_BENCH_SECONDS ?? 60);
const STREAMS = 100;
const REPLAY_EVENTS = 200_000;
const DRAIN_TIMEOUT_MS = 300_000;

function progress(line: string): void {
  process.stdout.write(`[bench:pipeline] ${line}\n`);
}

const describeLag = (label: string, lag: LagFigures): string =>
  `${label}: ${lag.events} events at ${round(lag.appendedPerSecond, 1)}/s, ` +
  `lag p50 ${round(lag.p50Ms, 1)} ms, p99 ${round(lag.p99Ms, 1)} ms, ` +
  `max ${round(lag.maxMs, 1)} ms; projection apply ${round(lag.applyMeanMs, 2)} ms per event; ` +
  `p99 of the append ${round(lag.appendP99Ms, 1)} ms, of delivery to a bare subscriber ${round(lag.deliveryP99Ms, 1)} ms`;

function lagOptions(): LagRunOptions {
  return {
    eventsPerSecond: EVENTS_PER_SECOND,
    seconds: SECONDS,
    streams: STREAMS,
    drainTimeoutMs: DRAIN_TIMEOUT_MS,
    progress,
    domain: `pipelinebench${randomBytes(4).toString('hex')}`,
  };
}

async function embeddedLag(): Promise<LagFigures> {
  progress(`embedded: ${EVENTS_PER_SECOND} events/s for ${SECONDS} s`);
  const stores = openEmbeddedStores();
  try {
    return await measureLag(stores, lagOptions());
  } finally {
    await stores.close();
  }
}

async function distributedLag(): Promise<LagFigures> {
  const servers = await benchServers(progress);
  try {
    const tag = randomBytes(4).toString('hex');
    const { databaseUrl, kafkaBrokers, mongodbUri } = servers;
    const settings = {
      databaseUrl,
      kafkaBrokers,
      mongodbUri,
      schema: `bench_pipeline_${tag}`,
      readDatabase: `bench_pipeline_${tag}`,
    };
    const stores = await openDistributedStores(settings, { ...silentBusLogger, error: (m) => progress(`bus: ${m}`) });
    try {
      progress(`PostgreSQL + Kafka + MongoDB (FerretDB): ${EVENTS_PER_SECOND} events/s for ${SECONDS} s`);
      return await measureLag(stores, lagOptions());
    } finally {
      await stores.close();
      await dropDistributedData(settings);
    }
  } finally {
    await servers.stop();
  }
}

async function main(): Promise<void> {
  const embedded = await embeddedLag();
  progress(describeLag('embedded', embedded));
  const kafka = await distributedLag();
  progress(describeLag('PostgreSQL + Kafka + FerretDB', kafka));
  progress(`replay: ${REPLAY_EVENTS} events, embedded`);
  const replay = await measureReplay(REPLAY_EVENTS, STREAMS, progress);
  progress(
    `replay: ${round(replay.eventsPerSecond)} events/s (${round(replay.seconds, 1)} s); ` +
      `reading alone: ${round(replay.readOnlyEventsPerSecond)} events/s`,
  );
  const figures = {
    embedded_lag_p50_ms: round(embedded.p50Ms, 1),
    embedded_lag_p99_ms: round(embedded.p99Ms, 1),
    kafka_lag_p50_ms: round(kafka.p50Ms, 1),
    kafka_lag_p99_ms: round(kafka.p99Ms, 1),
    replay_events_per_s: round(replay.eventsPerSecond),
    embedded_lag_max_ms: round(embedded.maxMs, 1),
    kafka_lag_max_ms: round(kafka.maxMs, 1),
    embedded_appended_per_s: round(embedded.appendedPerSecond, 1),
    kafka_appended_per_s: round(kafka.appendedPerSecond, 1),
    embedded_apply_mean_ms: round(embedded.applyMeanMs, 3),
    kafka_apply_mean_ms: round(kafka.applyMeanMs, 3),
    embedded_append_p99_ms: round(embedded.appendP99Ms, 1),
    kafka_append_p99_ms: round(kafka.appendP99Ms, 1),
    embedded_delivery_p99_ms: round(embedded.deliveryP99Ms, 1),
    kafka_delivery_p99_ms: round(kafka.deliveryP99Ms, 1),
    replay_read_only_events_per_s: round(replay.readOnlyEventsPerSecond),
    events_per_s: EVENTS_PER_SECOND,
    seconds: SECONDS,
    streams: STREAMS,
    replay_events: replay.events,
  };
  // Printed after everything is shut down, so that nothing can follow it.
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:pipeline failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
