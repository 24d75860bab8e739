import { describeError, EventRelay, ProjectionRunner, type PipelineLogger } from '@portal/event-pipeline';
import { type BusLogger, domainEventsTopic } from '@portal/messaging';
import { type DistributedStores, openDistributedStores } from '../../bench/pipeline/distributed-stack';
import { entriesProjection } from '../../bench/pipeline/entries.projection';
import { ENTRY_CATEGORY } from '../../bench/pipeline/entry-events';
import type { EntryApplied } from '../../bench/pipeline/entry-streams.projection';
import type { WorkerSettings } from '../../bench/pipeline/worker-settings';
import { TOTAL_ENTRIES } from './entry-plan';
import { faultLog } from './fault-servers';
import { appliedCount, KafkaInspector, pipelineOutcome, type PipelineOutcome } from './pipeline-inspection';

const POLL_MS = 500;
/** What the relay logs when a publish failed (libs/event-pipeline, event-relay.ts). */
const RELAY_RESTART = 'starting again from the checkpoint';
const TICK_MS = 10_000;

/** Warnings of the relay and the bus, kept to be told when a test ends. */
class RecordingLog implements PipelineLogger, BusLogger {
  readonly lines: string[] = [];
  readonly info = (): void => undefined;
  readonly debug = (): void => undefined;
  readonly warn = (message: string, context?: object): void => this.add(message, context);
  readonly error = (message: string, context?: object): void => this.add(message, context);

  private add(message: string, context?: object): void {
    this.lines.push(context === undefined ? message : `${message} ${JSON.stringify(context)}`);
  }
}

/** Counts the writes the version guards skipped: events applied a second time. */
class StaleWrites {
  count = 0;
  readonly record = ({ outcomes }: EntryApplied): void => {
    this.count += outcomes.filter((outcome) => outcome === 'stale').length;
  };
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Logs the number of applied events every TICK_MS while `work` runs. */
async function ticking<T>(pipeline: FaultPipeline, work: Promise<T>): Promise<T> {
  const started = Date.now();
  const timer = setInterval(() => {
    void pipeline.applied().then(
      (applied) => faultLog(`  ${((Date.now() - started) / 1000).toFixed(0)} s: ${applied} applied`),
      (error: unknown) => faultLog(`  could not count: ${describeError(error)}`),
    );
  }, TICK_MS);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

/**
 * One test's pipeline: the PostgreSQL event store, the relay to Kafka (in the test's process),
 * and the `entries` projection into FerretDB, run here or by a worker process.
 */
export class FaultPipeline {
  readonly stale = new StaleWrites();
  readonly topic: string;
  private runner: ProjectionRunner | null = null;

  private constructor(
    readonly settings: WorkerSettings,
    readonly stores: DistributedStores,
    readonly relay: EventRelay,
    private readonly kafka: KafkaInspector,
    readonly log: RecordingLog,
  ) {
    this.topic = domainEventsTopic(settings.domain);
  }

  static async open(settings: WorkerSettings): Promise<FaultPipeline> {
    const log = new RecordingLog();
    const stores = await openDistributedStores(settings, log);
    let kafka: KafkaInspector | undefined;
    try {
      kafka = await KafkaInspector.connect(settings.kafkaBrokers);
      const relay = await EventRelay.start({
        store: stores.eventStore,
        bus: stores.bus,
        checkpoints: stores.readStore.checkpoints,
        domains: { [ENTRY_CATEGORY]: settings.domain },
        logger: log,
      });
      return new FaultPipeline(settings, stores, relay, kafka, log);
    } catch (error) {
      await kafka?.close();
      await stores.close();
      throw error;
    }
  }

  /** Runs the projection in this process. */
  async startRunner(): Promise<void> {
    const projection = entriesProjection({ topic: this.topic, onApplied: this.stale.record });
    const { eventStore, bus, readStore } = this.stores;
    const groupPrefix = this.settings.groupPrefix;
    this.runner = await ProjectionRunner.start({ eventStore, bus, readStore, projections: [projection], groupPrefix });
  }

  /** Times the relay failed to publish and started again from its checkpoint. */
  relayRestarts(): number {
    return this.log.lines.filter((line) => line.includes(RELAY_RESTART)).length;
  }

  /** Events the read model has applied so far. */
  applied(): Promise<number> {
    return appliedCount(this.stores.readStore);
  }

  /** Waits until every entry is in the read model, every event published and every message committed. */
  async waitUntilDone(timeoutMs: number): Promise<void> {
    const group = `${this.settings.groupPrefix}.entries.${this.topic}`;
    const done = waitFor(
      `${TOTAL_ENTRIES} events applied and no message left to process`,
      async () =>
        (await this.applied()) >= TOTAL_ENTRIES &&
        this.relay.position === (await this.stores.eventStore.headPosition()) &&
        (await this.kafka.unprocessed(this.topic, group)) === 0,
      timeoutMs,
    );
    await ticking(this, done);
  }

  outcome(): Promise<PipelineOutcome> {
    return pipelineOutcome(this.stores.readStore, this.kafka, this.topic);
  }

  async close(): Promise<void> {
    const steps = [
      () => this.runner?.stop(),
      () => this.relay.stop(),
      () => this.kafka.close(),
      () => this.stores.close(),
    ];
    const failures: string[] = [];
    for (const step of steps) {
      await Promise.resolve(step()).catch((error: unknown) => failures.push(describeError(error)));
    }
    if (failures.length > 0) throw new Error(`closing the pipeline failed: ${failures.join('; ')}`);
  }
}
