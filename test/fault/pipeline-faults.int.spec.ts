import { dropDistributedData } from '../../bench/pipeline/distributed-stack';
import { buildProject } from '../support/build-project';
import { describeWithServer, serverAddress } from '../support/requires-server';
import { appendRounds, ROUNDS, TOTAL_ENTRIES } from './entry-plan';
import { FaultPipeline, waitFor } from './fault-pipeline';
import { type FaultServers, faultLog, pipelineSettings, startFaultServers } from './fault-servers';
import { EXPECTED_OUTCOME } from './pipeline-inspection';
import { WorkerProcess } from './worker-process';

/** The fault strikes once the read model has applied this many events. */
const FAULT_AT = 3_000;
const SETUP_TIMEOUT_MS = 180_000;
/** From the first append to FAULT_AT events applied (about 20 s). */
const FAULT_TIMEOUT_MS = 60_000;
/** How long the broker stays down at most: until the relay gives up publishing (about 20 s). */
const OUTAGE_TIMEOUT_MS = 60_000;
/** From the end of the fault to every entry in the read model and every message processed (about 60 s). */
const RECOVERY_TIMEOUT_MS = 120_000;
const TEST_TIMEOUT_MS = FAULT_TIMEOUT_MS + OUTAGE_TIMEOUT_MS + RECOVERY_TIMEOUT_MS + 30_000;

/** The outcome of a promise, to be awaited later without an unhandled rejection meanwhile. */
function settled(work: Promise<void>): Promise<() => void> {
  return work.then(
    () => () => undefined,
    (error: unknown) => () => {
      throw error;
    },
  );
}

const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** A way to break the pipeline and to mend it; `broken` runs in between, with appends going on. */
interface Fault {
  readonly name: string;
  inject(): Promise<void>;
  broken?(): Promise<void>;
  recover(): Promise<void>;
}

/**
 * Appends the first half of the entries, injects the fault once FAULT_AT events are applied,
 * appends the second half while the pipeline is broken, mends it, and waits until every
 * event has been applied and every message processed.
 */
async function runThrough(pipeline: FaultPipeline, fault: Fault): Promise<void> {
  const started = Date.now();
  const store = pipeline.stores.eventStore;
  const firstHalf = settled(appendRounds(store, 0, ROUNDS / 2));
  await waitFor(`${FAULT_AT} events applied`, async () => (await pipeline.applied()) >= FAULT_AT, FAULT_TIMEOUT_MS);
  await fault.inject();
  const faultAt = Date.now();
  const atFault = await pipeline.applied();
  const secondHalf = settled(appendRounds(store, ROUNDS / 2, ROUNDS));
  await fault.broken?.();
  await fault.recover();
  faultLog(`${fault.name} at ${atFault} events applied; mended after ${seconds(faultAt)}`);
  (await firstHalf)();
  (await secondHalf)();
  await pipeline.waitUntilDone(RECOVERY_TIMEOUT_MS);
  faultLog(
    `${TOTAL_ENTRIES} events applied ${seconds(faultAt)} after the fault (${seconds(started)} in all); ` +
      `the relay published ${pipeline.relay.published} messages`,
  );
}

/**
 * Issue 4: events leave the event store and reach every consumer, in order, exactly once in
 * effect, even when a broker or a worker dies. 10,000 events go from PostgreSQL through the
 * relay and Kafka into the `entries` read model on FerretDB, while one of them is killed.
 */
describeWithServer('postgres', 'The event pipeline through faults', () => {
  describeWithServer('mongodb', 'PostgreSQL -> relay -> Kafka -> projection -> FerretDB', () => {
    let servers: FaultServers;

    beforeAll(async () => {
      buildProject();
      servers = await startFaultServers(serverAddress('postgres') ?? '');
    }, SETUP_TIMEOUT_MS);

    afterAll(() => servers?.stop(), SETUP_TIMEOUT_MS);

    it(
      'gets every event into the read model exactly once when the broker is killed (SIGKILL) and restarted',
      async () => {
        const settings = pipelineSettings(servers);
        const pipeline = await FaultPipeline.open(settings);
        try {
          await pipeline.startRunner();
          await runThrough(pipeline, {
            name: 'broker killed',
            inject: () => servers.kafka.kill(),
            // Down until the relay has given up publishing: its publishes fail, it starts again.
            broken: () =>
              waitFor('the relay to fail', () => Promise.resolve(pipeline.relayRestarts() > 0), OUTAGE_TIMEOUT_MS),
            recover: () => servers.kafka.restart(),
          });
          faultLog(
            `the relay started again from its checkpoint ${pipeline.relayRestarts()} times; ` +
              `${pipeline.stale.count} writes of redelivered events skipped`,
          );
          expect(pipeline.relayRestarts()).toBeGreaterThan(0);
          expect(await pipeline.outcome()).toEqual(EXPECTED_OUTCOME);
        } finally {
          await pipeline.close();
          await dropDistributedData(settings);
        }
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'gets every event into the read model exactly once when the projection worker is killed (SIGKILL) and replaced',
      async () => {
        const settings = pipelineSettings(servers);
        const pipeline = await FaultPipeline.open(settings);
        const workers = [new WorkerProcess(settings)];
        try {
          await workers[0]!.ready;
          await runThrough(pipeline, {
            name: 'worker killed',
            inject: () => workers[0]!.kill(),
            recover: async () => {
              workers.push(new WorkerProcess(settings));
              await workers[1]!.ready;
            },
          });
          await workers[1]!.stop();
          const { applied, stale } = workers[1]!.tally;
          faultLog(`the successor applied ${applied} events and skipped ${stale} writes of redelivered ones`);
          expect(await pipeline.outcome()).toEqual(EXPECTED_OUTCOME);
        } catch (error) {
          faultLog(`worker output:\n${workers.map((worker) => worker.output.slice(-2000)).join('\n---\n')}`);
          throw error;
        } finally {
          await Promise.all(workers.map((worker) => worker.stop()));
          await pipeline.close();
          await dropDistributedData(settings);
        }
      },
      TEST_TIMEOUT_MS,
    );
  });
});
