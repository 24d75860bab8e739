import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDir } from '../cache-dir';
import { ProcessGuard } from '../process/process-guard';
import { logFailureTail } from '../server-unavailable';
import type { ServerContext } from '../server-context';
import { DedicatedBroker, type DedicatedKafka } from './dedicated-broker';
import { type KafkaTuning, prepareKafkaNode, startKafkaNode } from './kafka-node';

export interface DedicatedKafkaOptions {
  /** Receives progress and failure lines; standard error by default. */
  log?: (line: string) => void;
}

/**
 * Tuning for a broker that tests kill and restart. Recovery needs no setting: after an
 * unclean shutdown the broker recovers its logs from their last recovery point on start.
 * Flushing stays with the operating system (the defaults): what a killed process wrote is in
 * the page cache, which outlives the process, so acks=all on one replica loses nothing to a
 * SIGKILL (only losing the machine would).
 */
const DEDICATED_TUNING: KafkaTuning = {
  settings: {
    // The restarted controller keeps the killed broker's registration alive for a session
    // timeout and refuses the new one until then: 2 s instead of 9 s, with heartbeats to match.
    'broker.session.timeout.ms': 2000,
    'broker.heartbeat.interval.ms': 500,
    // One transaction state partition instead of 50: less to create and to load on each start.
    'transaction.state.log.num.partitions': 1,
  },
  // The client compiler only: the JVM starts about a second sooner, and a test broker's load is light.
  jvmOptions: ['-XX:TieredStopAtLevel=1'],
  // While the broker is down, clients keep reconnecting to its port: outside the ephemeral
  // range, none of them can take it (or connect to itself on it) before the restart.
  stablePorts: true,
};

async function startIn(context: ServerContext): Promise<DedicatedKafka> {
  const started = Date.now();
  const node = await prepareKafkaNode(context, DEDICATED_TUNING);
  const jvm = await startKafkaNode(node, context.guard);
  context.log(`kafka (dedicated): ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return new DedicatedBroker(node, context, jvm);
}

/**
 * Starts a single-node Kafka of the caller's own on 127.0.0.1 and free ports, in a fresh
 * temp folder, apart from the shared test servers: a fault-injection test can kill it and
 * start it again. The JVMs die with the calling process, like those of startTestInfra.
 */
export async function startDedicatedKafka(options: DedicatedKafkaOptions = {}): Promise<DedicatedKafka> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const workDir = mkdtempSync(join(tmpdir(), 'portal-dedicated-kafka-'));
  const guard = new ProcessGuard(workDir, log);
  try {
    return await startIn({ cacheDir: cacheDir(), workDir, guard, log });
  } catch (error) {
    logFailureTail(error, log);
    guard.dispose();
    rmSync(workDir, { recursive: true, force: true, maxRetries: 5 });
    throw error;
  }
}
