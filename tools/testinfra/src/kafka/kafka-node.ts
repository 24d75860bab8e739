import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePorts, freeStablePorts } from '../free-port';
import { logContains, logSize } from '../process/log-file';
import type { ManagedProcess } from '../process/managed-process';
import type { ProcessGuard } from '../process/process-guard';
import { runCommand } from '../process/run-command';
import { startUntilReady } from '../process/start-until-ready';
import { waitUntil } from '../process/wait-until';
import type { ServerContext } from '../server-context';
import { findJava } from './java-runtime';
import { hasOffsetsTopic, waitForGroupCoordinator } from './group-coordinator';
import { kafkaLibs } from './kafka-libs';
import { kafkaProperties, type KafkaSettings } from './kafka-properties';

const READY_LINE = /Kafka Server started/;
const READY_TIMEOUT_MS = 60_000;
/** The log is small (warnings only), so it is read often: a restart is seen ready sooner. */
const READY_POLL_MS = 100;
/** How long a broker may take to shut down on SIGTERM before it is killed. */
export const KAFKA_STOP_GRACE_MS = 10_000;

/** Warnings only, except the logger that announces that the broker is up. */
const JVM_LOGGING = [
  '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
  '-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info',
];

/**
 * A single-node KRaft cluster formatted on disk: everything it takes to start its JVM, and
 * to start it again on the same ports and data.
 */
export interface KafkaNode {
  java: string;
  /** The folder of the broker's jars. */
  libs: string;
  /** Its server.properties. */
  properties: string;
  /** Holds the properties, the data and kafka.log. */
  workDir: string;
  /** The broker's log.dirs: topics, and the cluster metadata. */
  dataDir: string;
  brokerPort: number;
  /** JVM options added to the defaults. */
  jvmOptions: string[];
}

/** What a node may change from the defaults: broker settings and JVM options. */
export interface KafkaTuning {
  settings?: KafkaSettings;
  jvmOptions?: string[];
  /** Ports outside the ephemeral range (see freeStablePorts), for a node that is restarted. */
  stablePorts?: boolean;
}

/** "127.0.0.1:<port>", the bootstrap address clients use. */
export function kafkaBrokers(node: KafkaNode): string {
  return `127.0.0.1:${node.brokerPort}`;
}

/**
 * A KRaft cluster id: 16 random bytes in URL-safe base64 without padding. One that starts with
 * '-' is drawn again, as Kafka's own generator does: the storage tool would read it as an option
 * and refuse to format (1 start in 64).
 */
export function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** Writes the cluster's identity and metadata into a fresh data folder. */
async function formatStorage(node: KafkaNode, guard: ProcessGuard): Promise<void> {
  await runCommand(
    {
      name: 'kafka storage format',
      command: node.java,
      args: [
        ...JVM_LOGGING,
        '-cp',
        `${node.libs}/*`,
        'kafka.tools.StorageTool',
        'format',
        '-t',
        clusterId(),
        '-c',
        node.properties,
      ],
      logFile: join(node.workDir, 'format.log'),
      cwd: node.workDir,
    },
    guard,
  );
}

/**
 * Lays out a node in `context.workDir` on two free ports of 127.0.0.1 (broker and
 * controller): jars, server.properties (with the tuning's settings), formatted storage.
 */
export async function prepareKafkaNode(context: ServerContext, tuning: KafkaTuning = {}): Promise<KafkaNode> {
  const java = findJava();
  const libs = await kafkaLibs(context);
  const [broker, controller] = await (tuning.stablePorts ? freeStablePorts(2) : freePorts(2));
  if (broker === undefined || controller === undefined) throw new Error('no free ports for Kafka');
  const dataDir = join(context.workDir, 'data');
  mkdirSync(dataDir);
  const properties = join(context.workDir, 'server.properties');
  writeFileSync(properties, kafkaProperties({ broker, controller }, dataDir, tuning.settings));
  const jvmOptions = tuning.jvmOptions ?? [];
  const node: KafkaNode = {
    java,
    libs,
    properties,
    workDir: context.workDir,
    dataDir,
    brokerPort: broker,
    jvmOptions,
  };
  await formatStorage(node, context.guard);
  return node;
}

/**
 * Starts the node's JVM and waits until it logs that it is up and, when it holds groups
 * from before, until it serves them again. Output is appended to kafka.log, and only what
 * this start appended counts, so the node can be started again.
 */
export function startKafkaNode(node: KafkaNode, guard: ProcessGuard): Promise<ManagedProcess> {
  const logFile = join(node.workDir, 'kafka.log');
  const from = logSize(logFile);
  const holdsGroups = hasOffsetsTopic(node.dataDir);
  return startUntilReady(
    {
      name: 'kafka',
      command: node.java,
      args: [
        '-Xms256m',
        '-Xmx1g',
        ...node.jvmOptions,
        ...JVM_LOGGING,
        '-cp',
        `${node.libs}/*`,
        'kafka.Kafka',
        node.properties,
      ],
      logFile,
      cwd: node.workDir,
    },
    guard,
    async (broker) => {
      await waitUntil(() => Promise.resolve(logContains(logFile, READY_LINE, from)), {
        what: `the log line "${READY_LINE.source}"`,
        timeoutMs: READY_TIMEOUT_MS,
        intervalMs: READY_POLL_MS,
        abortReason: () => broker.exitDescription(),
      });
      if (holdsGroups) await waitForGroupCoordinator(kafkaBrokers(node), () => broker.exitDescription());
    },
  );
}
