import { existsSync, readdirSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { waitUntil } from '../process/wait-until';

const OFFSETS_TOPIC = '__consumer_offsets';
/**
 * A group nobody uses: asking for its offsets (of a topic that surely exists) takes the path
 * of every offset fetch through the coordinator, and changes nothing.
 */
const PROBE_GROUP = 'portal-testinfra-readiness-probe';
const TIMEOUT_MS = 30_000;
const POLL_MS = 100;

/** Whether the data folder holds a partition of the group coordinator's topic (a node started before). */
export function hasOffsetsTopic(dataDir: string): boolean {
  return existsSync(dataDir) && readdirSync(dataDir).some((name) => name.startsWith(`${OFFSETS_TOPIC}-`));
}

/**
 * Waits until the group coordinator answers for groups. A restarted broker may report that it
 * started before it has loaded the groups and committed offsets back from __consumer_offsets,
 * and until then answers group requests with COORDINATOR_LOAD_IN_PROGRESS, which not every
 * client retries (kafkajs's admin does not). With the one offsets partition of our nodes,
 * one group's answer stands for all of them.
 */
export async function waitForGroupCoordinator(brokers: string, abortReason: () => string | undefined): Promise<void> {
  const admin = new Kafka({ clientId: 'portal-testinfra', brokers: [brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await waitUntil(
      async () => {
        await admin.fetchOffsets({ groupId: PROBE_GROUP, topics: [OFFSETS_TOPIC] });
        return true;
      },
      {
        what: 'the group coordinator to load __consumer_offsets',
        timeoutMs: TIMEOUT_MS,
        intervalMs: POLL_MS,
        abortReason,
      },
    );
  } finally {
    await admin.disconnect();
  }
}
