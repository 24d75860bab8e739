import { rmSync } from 'node:fs';
import { acceptsConnections } from '../process/port-probe';
import type { ManagedProcess } from '../process/managed-process';
import { waitUntil } from '../process/wait-until';
import { logFailureTail } from '../server-unavailable';
import type { ServerContext } from '../server-context';
import { KAFKA_STOP_GRACE_MS, kafkaBrokers, type KafkaNode, startKafkaNode } from './kafka-node';

const PORT_CLOSE_TIMEOUT_MS = 10_000;
const PORT_POLL_MS = 20;

/** A Kafka broker of one test's own, which the test can kill and start again. */
export interface DedicatedKafka {
  /** "127.0.0.1:<port>"; the same across restarts. */
  readonly brokers: string;
  /** Kills the broker's JVM with SIGKILL; resolves once it is gone and its port refuses connections. */
  kill(): Promise<void>;
  /**
   * Starts the broker again on the same ports and data (topics, messages and committed
   * offsets are kept); resolves once it is ready. A running broker is stopped gently first.
   */
  restart(): Promise<void>;
  /** Stops the broker gently (SIGTERM) and removes its folder; safe to call again, and after kill(). */
  stop(): Promise<void>;
}

/**
 * The broker of a prepared node and its current JVM. Calls run one after another, in the
 * order they were made, so a stop() never races a restart().
 */
export class DedicatedBroker implements DedicatedKafka {
  readonly brokers: string;
  private queue: Promise<void> = Promise.resolve();
  private stopped: Promise<void> | undefined;

  constructor(
    private readonly node: KafkaNode,
    private readonly context: ServerContext,
    private jvm: ManagedProcess | undefined,
  ) {
    this.brokers = kafkaBrokers(node);
  }

  kill(): Promise<void> {
    return this.serially('kill', () => this.killNow());
  }

  restart(): Promise<void> {
    return this.serially('restart', () => this.restartNow());
  }

  stop(): Promise<void> {
    this.stopped ??= this.enqueue(() => this.stopNow());
    return this.stopped;
  }

  private serially(what: string, operation: () => Promise<void>): Promise<void> {
    if (this.stopped) return Promise.reject(new Error(`cannot ${what} the dedicated Kafka: it was stopped`));
    return this.enqueue(operation);
  }

  /** Runs `operation` once the previous one has settled; its outcome goes to the caller. */
  private enqueue(operation: () => Promise<void>): Promise<void> {
    const result = this.queue.then(operation);
    // The queue only orders the calls: a failure belongs to the caller of `result`, not to the next call.
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async killNow(): Promise<void> {
    await this.jvm?.kill();
    this.jvm = undefined;
    await waitUntil(async () => !(await acceptsConnections(this.node.brokerPort)), {
      what: `port ${this.node.brokerPort} to refuse connections`,
      timeoutMs: PORT_CLOSE_TIMEOUT_MS,
      intervalMs: PORT_POLL_MS,
    });
  }

  private async restartNow(): Promise<void> {
    await this.jvm?.stop(KAFKA_STOP_GRACE_MS);
    this.jvm = undefined;
    const started = Date.now();
    try {
      this.jvm = await startKafkaNode(this.node, this.context.guard);
    } catch (error) {
      logFailureTail(error, this.context.log);
      throw error;
    }
    this.context.log(`kafka (dedicated): restarted in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  private async stopNow(): Promise<void> {
    try {
      await this.jvm?.stop(KAFKA_STOP_GRACE_MS);
    } finally {
      this.jvm = undefined;
      this.context.guard.dispose();
      rmSync(this.context.workDir, { recursive: true, force: true, maxRetries: 5 });
    }
  }
}
