import { describeError, ProjectionRunner } from '@portal/event-pipeline';
import { domainEventsTopic, type BusLogger } from '@portal/messaging';
import { openDistributedStores } from './distributed-stack';
import { entriesProjection } from './entries.projection';
import type { EntryApplied } from './entry-streams.projection';
import { workerSettings } from './worker-settings';

/**
 * A projection worker of its own process, for the fault tests: it runs the `entries`
 * projection from Kafka into MongoDB. Standard output gets
 * `ready` once it has joined its consumer group, then `applied=<events> stale=<writes>`
 * every second (stale: writes skipped because the event had been applied before). It stops
 * on SIGTERM or SIGINT, or when its standard input closes. Configuration: worker-settings.ts.
 */
const REPORT_EVERY_MS = 1_000;

const stderrLogger: BusLogger = {
  error: (message, context) => process.stderr.write(`[worker] ${message} ${JSON.stringify(context ?? {})}\n`),
  warn: (message, context) => process.stderr.write(`[worker] ${message} ${JSON.stringify(context ?? {})}\n`),
  info: () => undefined,
  debug: () => undefined,
};

class Tally {
  applied = 0;
  stale = 0;

  readonly record = ({ outcomes }: EntryApplied): void => {
    this.applied += 1;
    this.stale += outcomes.filter((outcome) => outcome === 'stale').length;
  };

  report(): void {
    process.stdout.write(`applied=${this.applied} stale=${this.stale}\n`);
  }
}

async function main(): Promise<void> {
  const settings = workerSettings(process.env);
  const stores = await openDistributedStores(settings, stderrLogger);
  const tally = new Tally();
  const projection = entriesProjection({ topic: domainEventsTopic(settings.domain), onApplied: tally.record });
  const { eventStore, bus, readStore } = stores;
  const runner = await ProjectionRunner.start({
    eventStore,
    bus,
    readStore,
    projections: [projection],
    groupPrefix: settings.groupPrefix,
  });
  process.stdout.write('ready\n');
  const reporter = setInterval(() => tally.report(), REPORT_EVERY_MS);
  const shutDown = async (): Promise<void> => {
    clearInterval(reporter);
    await runner.stop();
    await stores.close();
    tally.report();
  };
  let stopping: Promise<void> | undefined;
  const stop = (): void => {
    stopping ??= shutDown().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`[worker] shutdown failed: ${describeError(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // Standard input closes when the process that started the worker is gone: stop with it.
  process.stdin.once('end', stop).resume();
}

main().catch((error: unknown) => {
  process.stderr.write(`[worker] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
