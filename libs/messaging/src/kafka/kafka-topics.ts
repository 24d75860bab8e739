import type { Admin } from 'kafkajs';

export interface TopicSettings {
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly minInSyncReplicas: number;
}

const READY_TIMEOUT_MS = 30_000;
const READY_POLL_MS = 100;

/** Errors a broker answers with while a new topic's metadata is still spreading. */
const isNotReadyYet = (error: unknown): boolean => {
  const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
  return type === 'UNKNOWN_TOPIC_OR_PARTITION' || type === 'LEADER_NOT_AVAILABLE';
};

/**
 * Creates topics on first use, with the bus's partition count and replication, and
 * `min.insync.replicas` so that acks=all means written to that many replicas; existing topics
 * are left as they are. Resolves once every partition has a leader (kafkajs's own wait gives
 * up when the broker does not know the new topic yet, which KRaft brokers answer for a moment).
 * A failed creation is tried again on the next use.
 */
export class KafkaTopics {
  private readonly ensured = new Map<string, Promise<void>>();

  constructor(
    private readonly admin: Admin,
    private readonly settings: TopicSettings,
  ) {}

  ensure(topics: readonly string[]): Promise<void> {
    return Promise.all(topics.map((topic) => this.ensureOne(topic))).then(() => undefined);
  }

  private ensureOne(topic: string): Promise<void> {
    let ensured = this.ensured.get(topic);
    if (ensured === undefined) {
      ensured = this.create(topic).then(() => this.untilLed(topic));
      this.ensured.set(topic, ensured);
      void ensured.catch(() => this.ensured.delete(topic));
    }
    return ensured;
  }

  private async create(topic: string): Promise<void> {
    const { partitions, replicationFactor, minInSyncReplicas } = this.settings;
    await this.admin.createTopics({
      waitForLeaders: false,
      topics: [
        {
          topic,
          numPartitions: partitions,
          replicationFactor,
          configEntries: [{ name: 'min.insync.replicas', value: String(minInSyncReplicas) }],
        },
      ],
    });
  }

  private async untilLed(topic: string): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      try {
        const { topics } = await this.admin.fetchTopicMetadata({ topics: [topic] });
        const partitions = topics[0]?.partitions ?? [];
        if (partitions.length > 0 && partitions.every((partition) => partition.leader >= 0)) return;
      } catch (error) {
        if (!isNotReadyYet(error) || Date.now() > deadline) throw error;
      }
      if (Date.now() > deadline) throw new Error(`Topic ${topic} has no leader after ${READY_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
    }
  }
}
