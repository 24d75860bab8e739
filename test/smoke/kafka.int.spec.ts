import { type Admin, type Consumer, Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { describeWithServer, serverAddress } from '../support/requires-server';
import { runId } from './run-id';

interface Received {
  partition: number;
  offset: string;
  value: string;
}

describeWithServer('kafka', 'Kafka through kafkajs', () => {
  const id = runId();
  const topic = `smoke-${id}`;
  const groupId = `smoke-group-${id}`;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let consumer: Consumer | undefined;

  beforeAll(async () => {
    const brokers = (serverAddress('kafka') ?? '').split(',');
    kafka = new Kafka({ clientId: 'smoke-test', brokers, logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await Promise.all([admin.connect(), producer.connect()]);
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
    await admin?.deleteTopics({ topics: [topic] });
    await admin?.disconnect();
  });

  it('creates a topic with the requested partitions', async () => {
    await expect(admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true })).resolves.toBe(
      true,
    );
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0]?.partitions).toHaveLength(2);
  });

  it('delivers produced messages to a consumer group, whose committed offsets read back', async () => {
    await producer.send({
      topic,
      messages: [
        { partition: 0, value: 'a1' },
        { partition: 0, value: 'a2' },
        { partition: 0, value: 'a3' },
        { partition: 1, value: 'b1' },
        { partition: 1, value: 'b2' },
      ],
    });
    const group = kafka.consumer({ groupId });
    consumer = group;
    await group.connect();
    await group.subscribe({ topic, fromBeginning: true });
    const received: Received[] = [];
    await new Promise<void>((resolve, reject) => {
      group
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            received.push({ partition, offset: message.offset, value: message.value?.toString() ?? '' });
            const next = (BigInt(message.offset) + 1n).toString();
            await group.commitOffsets([{ topic, partition, offset: next }]);
            if (received.length === 5) resolve();
          },
        })
        .catch(reject);
    });
    await group.stop();

    const values = (partition: number): string[] =>
      received.filter((message) => message.partition === partition).map((message) => message.value);
    expect(values(0)).toEqual(['a1', 'a2', 'a3']);
    expect(values(1)).toEqual(['b1', 'b2']);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const offsets = [...(committed?.partitions ?? [])].sort((a, b) => a.partition - b.partition);
    expect(offsets.map(({ partition, offset }) => ({ partition, offset }))).toEqual([
      { partition: 0, offset: '3' },
      { partition: 1, offset: '2' },
    ]);
  });
});
