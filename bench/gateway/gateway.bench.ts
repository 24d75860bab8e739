import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startTestInfra } from '@portal/testinfra';
import { ServiceProcess } from '../../test/support/service-process';
import { median, percentile, round } from '../eventstore/timing';
import { startDistributedStack, startEmbeddedStack, type KeyStack } from './key-stacks';
import { load, type LoadFigures, pacedLoad } from './load';
import { PortalClient } from './portal-client';
import { timeRevocations } from './revocation-timing';
import { machineTimes, stealPctBetween, watchStealBursts } from './steal';

/*
 * npm run bench:gateway: what the gateway costs against a bare Fastify reverse proxy to the
 * same upstream, and how soon a revoked key is refused.
 *
 * - Throughput: rounds of saturating load (autocannon, 32 connections), alternating between
 *   the bare proxy and the gateway (key check, allowlist, token bucket, quota, usage records
 *   to Kafka, Production key, rate and quota limits set high enough not to refuse), both in
 *   processes of their own before the same demo upstream in a third.
 * - Both are sent the same calls, the key's `Authorization` header included: the bare proxy
 *   forwards it as it forwards any header, the gateway checks it and removes it. Calls that
 *   differ would make the two differ by more than the proxies: the client sending and the
 *   proxy reading a header only one of them gets.
 * - Latency: rounds at a fixed rate of LATENCY_RATE calls a second, timed to the microsecond
 *   (pacedLoad), so that the p99 is the proxies' and not a queue's. The CPU time each proxy
 *   process spent per request in these rounds is reported too.
 * - Both are measured on several pairs of processes (PAIRS), a new bare proxy and a new gateway
 *   for each pair, one pair after the other; each pair is warmed up, then gives its share of the
 *   rounds.
 * - Each round measures the two one after the other, and `ratio` and `added_p99_ms` are the
 *   medians of all the pairs' rounds' own ratios and differences (`pair_ratios` and
 *   `pair_added_p99_ms`: each pair's own median). The machine is shared and its speed
 *   drifts from minute to minute (other tenants' work shows as CPU steal): comparing the two
 *   within a round, seconds apart, keeps that drift out of the comparison. The ratio and the
 *   difference of the medians (`ratio_of_medians`, `added_p99_of_medians_ms`) are reported
 *   too; without drift the two kinds agree.
 * - A round with more than MAX_STEAL_PCT of steal in either measurement is measured again, up
 *   to TRIES_PER_ROUND times the rounds asked for: with a third of the machine gone to other
 *   tenants, one run "met" the ratio at 1.3. So is a latency round in which one CPU lost more
 *   than MAX_STEAL_BURST_MS of a STEAL_WINDOW_MS window: steal comes in pieces, and a round with
 *   1% steal on average had a gateway p99 of 44 ms, every call on the lost CPU waiting for it.
 *   With fewer clean rounds than half of those asked for, `targets_met` says null for that
 *   comparison: it cannot be told.
 * - Both proxies run with the V8 setting of the gateway's process (apps/gateway/src/runtime-tuning.ts):
 *   the comparison is of the two programs, not of two runtimes.
 * - Revocation: 100 keys each revoked through the REST API and called until refused, in the
 *   one-process portal (in process) and with the gateway in its own process on Kafka.
 *
 * While the load runs, the portal process of the distributed stack is stopped: the gateways
 * then serve from their caches (the bus stays up), and the keys service's consumers do not
 * take the CPU the two proxies are measured on. Each pair is stopped once measured; the
 * gateways of the pairs still to come wait idle. The last line is one JSON object.
 */

/**
 * The pairs of processes each comparison is made on (see above). The two programs' speeds
 * relative to each other vary, even though each round measures them seconds apart:
 * - from process to process, and as much between two processes of the same program: five bare
 *   proxies started and warmed up alike, measured in turn in 1-second rounds rotating over them,
 *   ran at 12,300–15,000 requests a second (their medians over ten rounds); one of two bare
 *   proxies spent 28% more user CPU time a call than the other, round after round, for a minute.
 *   A comparison of one gateway with one bare proxy measures their two processes as much as the
 *   two programs;
 * - and over time for the same two processes: in 70-second blocks of eight rounds, one after
 *   another, the medians were 0.934, 0.946, 0.853, 0.821, 1.021 and 0.925, while each block's
 *   rounds spread little (interquartile range 0.02–0.09). Pinning the two proxies to one CPU and
 *   the rest to the other did not narrow it.
 * With a single pair measured over one minute, two runs of seventeen gave ratios of 0.753 and
 * 0.824, the others 0.867–0.961; with three pairs, one run of ten gave an added p99 of 1.9 ms,
 * one of its pairs slow. More pairs, each measured for fewer rounds, spread a run over more
 * processes: the process-to-process spread is the larger of the two.
 */
const PAIRS = 5;
/**
 * Clean rounds asked for at saturation from each pair, and their length: many short rounds
 * rather than a few long ones. The machine's speed drifts within seconds (the rounds' ratios of
 * one run ranged from 0.80 to 1.08), and a round's two measurements are closer in time when they
 * are short.
 */
const THROUGHPUT_ROUNDS_PER_PAIR = 3;
const THROUGHPUT_SECONDS = 3;
/**
 * Clean rounds asked for at LATENCY_RATE from each pair. A round's p99 is its 60th slowest call
 * and the machine's stalls decide much of it; the median of ten differences stands four odd rounds either way.
 */
const LATENCY_ROUNDS_PER_PAIR = 2;
/**
 * A round in which the hypervisor took more than this share of the machine's time (steal)
 * during either measurement is measured again: other tenants' load then decides the result.
 */
const MAX_STEAL_PCT = 5;
/**
 * A latency round in which one CPU lost more than this many ms of one STEAL_WINDOW_MS window to
 * steal is measured again. At LATENCY_RATE a call a millisecond, a CPU lost for d ms delays about
 * d calls by up to d ms, and the p99 of a round is its 60th slowest call.
 */
const MAX_STEAL_BURST_MS = 20;
const STEAL_WINDOW_MS = 100;
/** Rounds tried at most, clean or not, for each round asked for. */
const TRIES_PER_ROUND = 3;
/** With fewer clean rounds than half of those asked for, whether a target is met cannot be told. */
const minCleanRounds = (asked: number): number => Math.ceil(asked / 2);
/** The length of a latency round: its p99 is its 60th slowest call. */
const LATENCY_SECONDS = 6;
/**
 * Saturating load on each before the rounds begin, so that both are measured in their steady
 * state (optimised code, grown heap). After a 3-second warm-up, the CPU each spent a call still
 * fell over the first rounds of one run: the gateway's from 79 to 57 µs, the proxy's from 64 to 57.
 */
const WARM_UP_SECONDS = 10;
const CONNECTIONS = 32;
/**
 * The latency rounds' rate: busy, but far from saturation for both proxies on a 2-core machine,
 * where the paced client, the upstream and the proxy share the cores. (A share of the bare
 * proxy's throughput made the client itself the bottleneck once the proxy grew faster.)
 */
const LATENCY_RATE = 1_000;
const REVOCATIONS = 100;
const REVOCATION_TIMEOUT_MS = 10_000;
const TARGETS = { ratio: 0.85, added_p99_ms: 1, revocation_inproc_p99_ms: 100, revocation_kafka_p99_ms: 500 };

function progress(line: string): void {
  process.stdout.write(`[bench:gateway] ${line}\n`);
}

const dist = (file: string): string => join(__dirname, file);

/** The call every load sends, on a proxy's or the upstream's address (with or without a trailing `/`). */
const benchCall = (base: string): string => new URL('/v1/bench', base).href;

async function firstLine(service: ServiceProcess, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!service.stdout.includes('\n')) {
    if (Date.now() > deadline) throw new Error(`no output within ${timeoutMs} ms: ${service.stderr.slice(-500)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return service.stdout.slice(0, service.stdout.indexOf('\n'));
}

async function revocationP99(stack: KeyStack, label: string): Promise<{ p50: number; p99: number }> {
  const client = await PortalClient.signUpAndIn(stack.apiUrl);
  const teamId = await client.createTeam(`Revocations ${label}`);
  await client.createKeyWhenTeamKnown(teamId, {});
  const timings = await timeRevocations({
    client,
    teamId,
    gatewayUrl: stack.gatewayUrl,
    count: REVOCATIONS,
    timeoutMs: REVOCATION_TIMEOUT_MS,
    progress,
  });
  const sorted = [...timings.refusedAfterMs].sort((a, b) => a - b);
  const figures = { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
  progress(
    `revocation ${label}: p50 ${figures.p50.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms, ` +
      `max ${sorted.at(-1)?.toFixed(1)} ms; ${timings.callsAcceptedAfterRevoke} calls answered 200 after a revoke answer`,
  );
  return figures;
}

interface RoundFigures extends LoadFigures {
  readonly cpuUsPerRequest: number;
  /** The share of the machine's time its hypervisor gave to other tenants during the round, in %. */
  readonly stealPct: number;
  /** The most one CPU lost to steal in one STEAL_WINDOW_MS window of the round, in ms. */
  readonly stealBurstMs: number;
}

interface Comparison {
  /** Clean rounds asked for. */
  readonly asked: number;
  /** The clean rounds' figures, round by round. */
  readonly proxy: RoundFigures[];
  readonly gateway: RoundFigures[];
  /** Rounds measured again because of steal. */
  discarded: number;
}

/** `of` each round's two measurements. */
function paired(comparison: Comparison, of: (proxy: LoadFigures, gateway: LoadFigures) => number): number[] {
  return comparison.proxy.map((proxy, round) => {
    const gateway = comparison.gateway[round];
    if (gateway === undefined) throw new Error(`round ${round + 1} has no gateway figures`);
    return of(proxy, gateway);
  });
}

/** The comparisons of several pairs as one: their clean rounds together. */
function merged(comparisons: readonly Comparison[]): Comparison {
  const rounds = comparisons.reduce((sum, comparison) => sum + comparison.proxy.length, 0);
  if (rounds === 0) throw new Error('no clean round: the machine is too busy');
  return {
    asked: comparisons.reduce((sum, comparison) => sum + comparison.asked, 0),
    proxy: comparisons.flatMap((comparison) => comparison.proxy),
    gateway: comparisons.flatMap((comparison) => comparison.gateway),
    discarded: comparisons.reduce((sum, comparison) => sum + comparison.discarded, 0),
  };
}

/** One pair of processes compared: a bare proxy and a gateway. */
interface Pair {
  readonly proxy: ServiceProcess;
  readonly gateway: ServiceProcess;
  readonly urls: { readonly proxy: string; readonly gateway: string };
}

/** CPU time (user + system) a process has used, in milliseconds; NaN where /proc cannot tell. */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
  } catch {
    return Number.NaN;
  }
}

async function compare(
  targets: { proxy: string; gateway: string },
  pids: { proxy: number | undefined; gateway: number | undefined },
  headers: Record<string, string>,
  rounds: { count: number; seconds: number },
  rate?: number,
): Promise<Comparison> {
  const figures: Comparison = { asked: rounds.count, proxy: [], gateway: [], discarded: 0 };
  const maxTried = TRIES_PER_ROUND * rounds.count;
  for (let roundNo = 1; figures.proxy.length < rounds.count && roundNo <= maxTried; roundNo += 1) {
    // Alternate which goes first, so that neither always follows the other's aftermath.
    const order = roundNo % 2 === 1 ? (['proxy', 'gateway'] as const) : (['gateway', 'proxy'] as const);
    const round: Partial<Record<'proxy' | 'gateway', RoundFigures>> = {};
    for (const which of order) {
      const cpuBefore = cpuMsOf(pids[which]);
      const timesBefore = machineTimes();
      const bursts = watchStealBursts(STEAL_WINDOW_MS);
      const request = { url: benchCall(targets[which]), headers, seconds: rounds.seconds };
      const measured =
        rate === undefined
          ? await load({ ...request, connections: CONNECTIONS })
          : await pacedLoad({ ...request, rate });
      const requests = measured.requestsPerSecond * rounds.seconds;
      const cpuUsPerRequest = ((cpuMsOf(pids[which]) - cpuBefore) * 1000) / requests;
      const stealPct = stealPctBetween(timesBefore, machineTimes());
      const stealBurstMs = bursts.stop();
      round[which] = { ...measured, cpuUsPerRequest, stealPct, stealBurstMs };
      progress(
        `  round ${roundNo} ${which}: ${Math.round(measured.requestsPerSecond)} req/s, ` +
          `p50 ${measured.p50Ms.toFixed(2)} ms, p99 ${measured.p99Ms.toFixed(2)} ms, ${cpuUsPerRequest.toFixed(0)} µs CPU a request, ` +
          `${stealPct.toFixed(0)}% steal (at most ${stealBurstMs} ms of ${STEAL_WINDOW_MS} on one CPU)`,
      );
    }
    const { proxy, gateway } = round;
    if (proxy === undefined || gateway === undefined) throw new Error(`round ${roundNo} measured only one side`);
    // NaN (no /proc) counts as clean: nothing says otherwise.
    if (proxy.stealPct > MAX_STEAL_PCT || gateway.stealPct > MAX_STEAL_PCT) {
      figures.discarded += 1;
      progress(`  round ${roundNo} discarded: more than ${MAX_STEAL_PCT}% steal; measuring it again`);
      continue;
    }
    // Throughput rounds are not judged by bursts: there a burst costs its share of the round, which the average bounds.
    if (rate !== undefined && (proxy.stealBurstMs > MAX_STEAL_BURST_MS || gateway.stealBurstMs > MAX_STEAL_BURST_MS)) {
      figures.discarded += 1;
      progress(
        `  round ${roundNo} discarded: a CPU lost more than ${MAX_STEAL_BURST_MS} ms of ${STEAL_WINDOW_MS} to steal; measuring it again`,
      );
      continue;
    }
    figures.proxy.push(proxy);
    figures.gateway.push(gateway);
  }
  return figures;
}

async function main(): Promise<void> {
  const infra = await startTestInfra({ servers: ['postgres', 'kafka'], log: progress });
  const cleanUp: (() => Promise<unknown>)[] = [() => infra.stop()];
  try {
    const databaseUrl = infra.env.DATABASE_URL;
    const kafkaBrokers = infra.env.KAFKA_BROKERS;
    if (databaseUrl === undefined || kafkaBrokers === undefined) {
      throw new Error(`needs PostgreSQL and Kafka: ${infra.missing.map((m) => `${m.server}: ${m.reason}`).join('; ')}`);
    }
    const upstreamProcess = new ServiceProcess(process.execPath, [dist('upstream.process.js')], {});
    cleanUp.unshift(() => upstreamProcess.stop());
    const upstream = JSON.parse(await firstLine(upstreamProcess, 10_000)) as { live: string };

    progress('distributed: the portal on PostgreSQL + Kafka, the gateway in its own process');
    const stack = await startDistributedStack({ databaseUrl, kafkaBrokers, upstreamUrl: upstream.live });
    cleanUp.unshift(() => stack.stop());
    const kafkaRevocation = await revocationP99(stack, 'through Kafka');

    const client = await PortalClient.signUpAndIn(stack.apiUrl);
    const teamId = await client.createTeam('Load');
    const limits = {
      rate: { perSecond: 1_000_000, burst: 1_000_000 },
      quota: { period: 'month', requests: 1_000_000_000 },
    };
    const key = await client.createKeyWhenTeamKnown(teamId, { environment: 'production', limits });
    const headers = { authorization: `Bearer ${key.secret}` };
    const warmUp = (base: string) =>
      load({ url: benchCall(base), headers, seconds: WARM_UP_SECONDS, connections: CONNECTIONS });
    // Every gateway reads the key snapshot from the keys service: all are started before it stops.
    const pairs: Pair[] = [];
    for (let pairNo = 1; pairNo <= PAIRS; pairNo += 1) {
      const gateway = pairNo === 1 ? stack.gateway : await stack.addGateway();
      const proxyPort = await freePort();
      const proxy = new ServiceProcess(process.execPath, [dist('bare-proxy.process.js')], {
        PORT: String(proxyPort),
        UPSTREAM_URL: upstream.live,
      });
      cleanUp.unshift(() => proxy.stop());
      const pair = {
        proxy,
        gateway: gateway.service,
        urls: { proxy: `http://127.0.0.1:${proxyPort}`, gateway: gateway.url },
      };
      await proxy.waitUntilOk(`${pair.urls.proxy}/v1/ready`, 10_000);
      const deadline = Date.now() + 10_000;
      while ((await fetch(`${pair.urls.gateway}/v1/ready`, { headers })).status !== 200) {
        if (Date.now() > deadline) throw new Error(`gateway ${pairNo} did not accept the load key`);
      }
      pairs.push(pair);
    }
    await stack.stopApi();
    // The shared upstream first, on its own. Of five or six bare proxies started alike and warmed
    // up one after another, the first, warmed up while the upstream was still cold, was the
    // slowest in four runs of five (by 7–32%); with the upstream warmed up first, in neither of two.
    progress('warming up the upstream');
    await warmUp(upstream.live);

    const rate = LATENCY_RATE;
    const saturatedByPair: Comparison[] = [];
    const pacedByPair: Comparison[] = [];
    for (const [index, pair] of pairs.entries()) {
      const { urls } = pair;
      const pids = { proxy: pair.proxy.pid, gateway: pair.gateway.pid };
      progress(
        `pair ${index + 1} of ${pairs.length}: a bare proxy and a gateway, each a process of its own; warming up`,
      );
      await warmUp(urls.proxy);
      await warmUp(urls.gateway);
      progress(
        `throughput: ${THROUGHPUT_ROUNDS_PER_PAIR} rounds of ${THROUGHPUT_SECONDS} s each, ${CONNECTIONS} connections`,
      );
      saturatedByPair.push(
        await compare(urls, pids, headers, { count: THROUGHPUT_ROUNDS_PER_PAIR, seconds: THROUGHPUT_SECONDS }),
      );
      // The saturated rounds leave each process with garbage to collect; that is not a paced call's cost.
      progress('settling at the paced rate');
      await pacedLoad({ url: benchCall(urls.proxy), headers, seconds: 3, rate });
      await pacedLoad({ url: benchCall(urls.gateway), headers, seconds: 3, rate });
      progress(`latency: ${LATENCY_ROUNDS_PER_PAIR} rounds of ${LATENCY_SECONDS} s each at ${rate} req/s`);
      pacedByPair.push(
        await compare(urls, pids, headers, { count: LATENCY_ROUNDS_PER_PAIR, seconds: LATENCY_SECONDS }, rate),
      );
      // Done with this pair: it takes no CPU from the next.
      await Promise.all([pair.proxy.stop(), pair.gateway.stop()]);
    }
    await stack.stop();
    cleanUp.shift();

    progress('embedded: the one-process portal, its gateway in the same process');
    const embedded = await startEmbeddedStack();
    cleanUp.unshift(() => embedded.stop());
    const inprocRevocation = await revocationP99(embedded, 'in process');

    const saturated = merged(saturatedByPair);
    const paced = merged(pacedByPair);
    const proxyRps = median(saturated.proxy.map((f) => f.requestsPerSecond));
    const gatewayRps = median(saturated.gateway.map((f) => f.requestsPerSecond));
    const proxyP99 = median(paced.proxy.map((f) => f.p99Ms));
    const gatewayP99 = median(paced.gateway.map((f) => f.p99Ms));
    const ratioOf = (proxy: LoadFigures, gateway: LoadFigures): number =>
      gateway.requestsPerSecond / proxy.requestsPerSecond;
    const addedP99Of = (proxy: LoadFigures, gateway: LoadFigures): number => gateway.p99Ms - proxy.p99Ms;
    const roundRatios = paired(saturated, ratioOf);
    const roundAddedP99s = paired(paced, addedP99Of);
    const figures = {
      proxy_rps: Math.round(proxyRps),
      proxy_p99_ms: round(proxyP99, 3),
      gateway_rps: Math.round(gatewayRps),
      gateway_p99_ms: round(gatewayP99, 3),
      ratio: round(median(roundRatios), 3),
      added_p99_ms: round(median(roundAddedP99s), 3),
      ratio_of_medians: round(gatewayRps / proxyRps, 3),
      added_p99_of_medians_ms: round(gatewayP99 - proxyP99, 3),
      // Each clean round's own figure, in the order measured: how far the rounds spread.
      round_ratios: roundRatios.map((ratio) => round(ratio, 3)),
      round_added_p99_ms: roundAddedP99s.map((added) => round(added, 3)),
      // Each pair's median: a slow process shows here as one pair apart from the others.
      pair_ratios: saturatedByPair.map((comparison) => round(median(paired(comparison, ratioOf)), 3)),
      pair_added_p99_ms: pacedByPair.map((comparison) => round(median(paired(comparison, addedP99Of)), 3)),
      revocation_inproc_p99_ms: round(inprocRevocation.p99, 1),
      revocation_kafka_p99_ms: round(kafkaRevocation.p99, 1),
      revocation_inproc_p50_ms: round(inprocRevocation.p50, 1),
      revocation_kafka_p50_ms: round(kafkaRevocation.p50, 1),
      latency_rate_per_s: rate,
      proxy_p50_ms: round(median(paced.proxy.map((f) => f.p50Ms)), 3),
      gateway_p50_ms: round(median(paced.gateway.map((f) => f.p50Ms)), 3),
      proxy_cpu_us_per_request: round(median(paced.proxy.map((f) => f.cpuUsPerRequest)), 1),
      gateway_cpu_us_per_request: round(median(paced.gateway.map((f) => f.cpuUsPerRequest)), 1),
      clean_rounds: { throughput: saturated.proxy.length, latency: paced.proxy.length },
      rounds_discarded_for_steal: saturated.discarded + paced.discarded,
      max_steal_pct: MAX_STEAL_PCT,
      max_steal_burst_ms: MAX_STEAL_BURST_MS,
      pairs: PAIRS,
      rounds: { throughput: PAIRS * THROUGHPUT_ROUNDS_PER_PAIR, latency: PAIRS * LATENCY_ROUNDS_PER_PAIR },
      seconds_per_round: { throughput: THROUGHPUT_SECONDS, latency: LATENCY_SECONDS },
      connections: CONNECTIONS,
      revocations: REVOCATIONS,
    };
    // With too few clean rounds, whether a proxy target is met cannot be told: null, not a guess.
    const decided = (comparison: Comparison, met: boolean): boolean | null =>
      comparison.proxy.length >= minCleanRounds(comparison.asked) ? met : null;
    const met = {
      ratio: decided(saturated, figures.ratio >= TARGETS.ratio),
      added_p99_ms: decided(paced, figures.added_p99_ms <= TARGETS.added_p99_ms),
      revocation_inproc_p99_ms: figures.revocation_inproc_p99_ms <= TARGETS.revocation_inproc_p99_ms,
      revocation_kafka_p99_ms: figures.revocation_kafka_p99_ms <= TARGETS.revocation_kafka_p99_ms,
    };
    progress(`targets: ${JSON.stringify(TARGETS)}; met: ${JSON.stringify(met)}`);
    for (const stop of cleanUp) await stop();
    cleanUp.length = 0;
    process.stdout.write(`${JSON.stringify({ ...figures, targets_met: met })}\n`);
  } finally {
    for (const stop of cleanUp) await stop().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:gateway failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
