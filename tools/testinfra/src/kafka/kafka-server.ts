import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePorts } from '../free-port';
import { logContains } from '../process/log-file';
import type { ManagedProcess } from '../process/managed-process';
import { runCommand } from '../process/run-command';
import { startUntilReady } from '../process/start-until-ready';
import { waitUntil } from '../process/wait-until';
import type { ServerContext } from '../server-context';
import type { RunningServer } from '../types';
import { findJava } from './java-runtime';
import { kafkaLibs } from './kafka-libs';
import { kafkaProperties } from './kafka-properties';

const READY_LINE = /Kafka Server started/;
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;

/** Warnings only, except the logger that announces that the broker is up. */
const JVM_LOGGING = [
  '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
  '-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info',
];

/** A KRaft cluster id: 16 random bytes in URL-safe base64 without padding. */
function clusterId(): string {
  return randomBytes(16).toString('base64url');
}

/** Writes the cluster's identity and metadata into a fresh data folder. */
async function formatStorage(java: string, libs: string, properties: string, context: ServerContext): Promise<void> {
  await runCommand(
    {
      name: 'kafka storage format',
      command: java,
      args: [
        ...JVM_LOGGING,
        '-cp',
        `${libs}/*`,
        'kafka.tools.StorageTool',
        'format',
        '-t',
        clusterId(),
        '-c',
        properties,
      ],
      logFile: join(context.workDir, 'format.log'),
      cwd: context.workDir,
    },
    context.guard,
  );
}

function startBroker(java: string, libs: string, properties: string, context: ServerContext): Promise<ManagedProcess> {
  const logFile = join(context.workDir, 'kafka.log');
  return startUntilReady(
    {
      name: 'kafka',
      command: java,
      args: ['-Xms256m', '-Xmx1g', ...JVM_LOGGING, '-cp', `${libs}/*`, 'kafka.Kafka', properties],
      logFile,
      cwd: context.workDir,
    },
    context.guard,
    (broker) =>
      waitUntil(() => Promise.resolve(logContains(logFile, READY_LINE)), {
        what: `the log line "${READY_LINE.source}"`,
        timeoutMs: READY_TIMEOUT_MS,
        abortReason: () => broker.exitDescription(),
      }),
  );
}

/** A single-node Kafka (broker and controller in one JVM) on two free ports of 127.0.0.1. */
export async function startKafka(context: ServerContext): Promise<RunningServer> {
  const java = findJava();
  const libs = await kafkaLibs(context);
  const [broker, controller] = await freePorts(2);
  if (broker === undefined || controller === undefined) throw new Error('no free ports for Kafka');
  const dataDir = join(context.workDir, 'data');
  mkdirSync(dataDir);
  const properties = join(context.workDir, 'server.properties');
  writeFileSync(properties, kafkaProperties({ broker, controller }, dataDir));
  await formatStorage(java, libs, properties, context);
  const server = await startBroker(java, libs, properties, context);
  return { env: { KAFKA_BROKERS: `127.0.0.1:${broker}` }, stop: () => server.stop(STOP_GRACE_MS) };
}
