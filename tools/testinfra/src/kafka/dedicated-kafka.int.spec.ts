import { type Admin, type Consumer, Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { acceptsConnections } from '../process/port-probe';
import { ephemeralPortLow } from '../free-port';
import type { DedicatedKafka } from './dedicated-broker';
import { startDedicatedKafka } from './dedicated-kafka';

const TOPIC = 'orders';
const GROUP = 'billing';
const PARTITIONS = [0, 1];
/** Messages per partition produced before the kill, and as many again after the restart. */
const BATCH = 10;
/** The group consumes and commits the first messages of each partition before the kill. */
const CONSUMED_BEFORE_KILL = 4;
const START_TIMEOUT_MS = 180_000;
const RESTART_TIMEOUT_MS = 90_000;

/** The values of partition `partition` from message `from` to message `to` (exclusive). */
const values = (partition: number, from: number, to: number): string[] =>
  Array.from({ length: to - from }, (_, index) => `p${partition}-m${from + index}`);
const byPartition = (from: number, to: number): string[][] =>
  PARTITIONS.map((partition) => values(partition, from, to));

function portOf(brokers: string): number {
  return Number(brokers.split(':')[1]);
}

async function produce(producer: Producer, from: number, to: number): Promise<void> {
  const messages = PARTITIONS.flatMap((partition) =>
    values(partition, from, to).map((value) => ({ partition, value })),
  );
  await producer.send({ topic: TOPIC, acks: -1, messages });
}

/**
 * Runs a consumer of `groupId` until it has seen `count` messages of each partition, and
 * returns their values by partition; with `commit`, the offset after each is committed.
 */
async function consume(kafka: Kafka, groupId: string, count: number, commit: boolean): Promise<string[][]> {
  const consumer: Consumer = kafka.consumer({ groupId });
  const seen: string[][] = PARTITIONS.map(() => []);
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const partitionValues = seen[partition] ?? [];
            if (partitionValues.length >= count) return;
            partitionValues.push(message.value?.toString() ?? '');
            const next = (BigInt(message.offset) + 1n).toString();
            if (commit) await consumer.commitOffsets([{ topic: TOPIC, partition, offset: next }]);
            if (seen.every((each) => each.length >= count)) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return seen;
}

async function committedOffsets(admin: Admin): Promise<string[]> {
  const [topic] = await admin.fetchOffsets({ groupId: GROUP, topics: [TOPIC] });
  return [...(topic?.partitions ?? [])].sort((a, b) => a.partition - b.partition).map(({ offset }) => offset);
}

async function highWatermarks(admin: Admin): Promise<string[]> {
  const offsets = await admin.fetchTopicOffsets(TOPIC);
  return offsets.sort((a, b) => a.partition - b.partition).map(({ high }) => high);
}

const everyPartition = (offset: number): string[] => PARTITIONS.map(() => String(offset));

describe('a dedicated Kafka broker', () => {
  let broker: DedicatedKafka;
  let kafka: Kafka;
  /** Connected before the kill and used again after the restart, as an application's would be. */
  let producer: Producer;

  const withAdmin = async <T>(use: (admin: Admin) => Promise<T>): Promise<T> => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      return await use(admin);
    } finally {
      await admin.disconnect();
    }
  };

  beforeAll(async () => {
    broker = await startDedicatedKafka();
    kafka = new Kafka({ clientId: 'dedicated-kafka-test', brokers: [broker.brokers], logLevel: logLevel.NOTHING });
    producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await producer?.disconnect();
    await broker?.stop();
  });

  it('listens on 127.0.0.1, on a port below the ephemeral range', () => {
    expect(broker.brokers).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(portOf(broker.brokers)).toBeLessThan(ephemeralPortLow());
  });

  it('takes a topic, messages produced with acks=all, and committed offsets', async () => {
    await withAdmin((admin) =>
      admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: PARTITIONS.length }], waitForLeaders: true }),
    );
    await producer.connect();
    await produce(producer, 0, BATCH);
    expect(await consume(kafka, GROUP, CONSUMED_BEFORE_KILL, true)).toEqual(byPartition(0, CONSUMED_BEFORE_KILL));
  });

  it('kill() leaves its port refusing connections', async () => {
    await broker.kill();
    await expect(acceptsConnections(portOf(broker.brokers))).resolves.toBe(false);
  });

  it(
    'restart() brings back the topic, every message and the committed offsets',
    async () => {
      await broker.restart();
      await withAdmin(async (admin) => {
        expect(await admin.listTopics()).toContain(TOPIC);
        expect(await highWatermarks(admin)).toEqual(everyPartition(BATCH));
        expect(await committedOffsets(admin)).toEqual(everyPartition(CONSUMED_BEFORE_KILL));
      });
      expect(await consume(kafka, `${GROUP}-audit`, BATCH, false)).toEqual(byPartition(0, BATCH));
    },
    RESTART_TIMEOUT_MS,
  );

  it('serves the idempotent producer that was connected through the kill', async () => {
    await produce(producer, BATCH, 2 * BATCH);
    await withAdmin(async (admin) => expect(await highWatermarks(admin)).toEqual(everyPartition(2 * BATCH)));
  });

  it('lets the group resume after its committed offsets', async () => {
    const rest = await consume(kafka, GROUP, 2 * BATCH - CONSUMED_BEFORE_KILL, true);
    expect(rest).toEqual(byPartition(CONSUMED_BEFORE_KILL, 2 * BATCH));
  });

  it(
    'restart() of a running broker stops it gently first, and keeps the data',
    async () => {
      await broker.restart();
      await withAdmin(async (admin) => {
        expect(await highWatermarks(admin)).toEqual(everyPartition(2 * BATCH));
        expect(await committedOffsets(admin)).toEqual(everyPartition(2 * BATCH));
      });
    },
    RESTART_TIMEOUT_MS,
  );

  it('stop() stops it, and can be called again', async () => {
    await broker.stop();
    await expect(acceptsConnections(portOf(broker.brokers))).resolves.toBe(false);
    await expect(broker.stop()).resolves.toBeUndefined();
    await expect(broker.restart()).rejects.toThrow(/stopped/);
  }, 30_000);
});

describe('a dedicated Kafka broker that was killed', () => {
  it(
    'stops cleanly, also when stop() is called twice',
    async () => {
      const broker = await startDedicatedKafka();
      await broker.kill();
      await expect(Promise.all([broker.stop(), broker.stop()])).resolves.toEqual([undefined, undefined]);
    },
    START_TIMEOUT_MS,
  );
});
