import { Kafka, logLevel, type Admin } from 'kafkajs';
import { describeWithServer } from '../../../../test/support/requires-server';
import { Inbox, RecordingLogger, uniqueGroup, uniqueTopic, waitUntil } from '../contract/bus-fixtures.contract';
import { deadLetterTopic } from '../topics';
import { KafkaBus } from './kafka-bus';
import { testBusOptions } from './kafka-test-options.contract';

describeWithServer('kafka', 'Kafka bus beyond the contract', () => {
  const logger = new RecordingLogger();
  let bus: KafkaBus;
  let admin: Admin;

  beforeAll(async () => {
    bus = await KafkaBus.connect({ ...testBusOptions(), logger, partitions: 3 });
    const { brokers } = testBusOptions();
    admin = new Kafka({ clientId: 'bus-inspector', brokers: [...brokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
  });
  afterAll(async () => {
    await bus.close();
    await admin.disconnect();
  });

  it('creates a topic and its dead-letter topic with the configured partitions and min.insync.replicas', async () => {
    const topic = uniqueTopic();
    const subscription = await bus.subscribe({ topic, group: uniqueGroup('topics'), handler: new Inbox().handler });
    await subscription.stop();
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic, deadLetterTopic(topic)] });
    expect(topics.map((t) => t.partitions.length)).toEqual([3, 3]);
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: 2, name: topic, configNames: ['min.insync.replicas'] }],
    });
    expect(resources[0]?.configEntries[0]?.configValue).toBe('1');
  });

  it('holds up only the partition of a failing message while it waits for its retry', async () => {
    const topic = uniqueTopic();
    const inbox = new Inbox((message) => {
      if (message.key === 'stuck') throw new Error('not yet');
    });
    const backoff = { initialMs: 300, maxMs: 300 };
    await bus.subscribe({ topic, group: uniqueGroup('block'), handler: inbox.handler, maxAttempts: 100, backoff });
    const others = Array.from({ length: 30 }, (_, i) => ({ key: `other-${i}`, value: `o${i}` }));
    await bus.publish(topic, [{ key: 'stuck', value: 's' }, ...others]);
    const stuck = (): number | undefined => inbox.received.find((m) => m.key === 'stuck')?.partition;
    const elsewhere = () => inbox.received.filter((m) => m.key !== 'stuck' && m.partition !== stuck());
    await waitUntil('two partitions progressed', () => new Set(elsewhere().map((m) => m.partition)).size === 2, 10_000);
    await waitUntil(
      'the stuck message was retried',
      () => inbox.received.filter((m) => m.key === 'stuck').length >= 3,
      10_000,
    );
    expect(inbox.received.filter((m) => m.key !== 'stuck' && m.partition === stuck())).toEqual([]);
  });

  it('logs where a failure happened but never the message body', async () => {
    const topic = uniqueTopic();
    const secret = 'cr3_live_do-not-log-this-body';
    const inbox = new Inbox(() => {
      throw new Error('rejected');
    });
    await bus.subscribe({
      topic,
      group: uniqueGroup('logs'),
      handler: inbox.handler,
      maxAttempts: 2,
      backoff: { initialMs: 10 },
    });
    await bus.publish(topic, [{ key: 'k', value: secret, headers: { authorization: secret } }]);
    await waitUntil('the message was dead-lettered', () => logger.text().includes('dead-lettering'), 10_000);
    expect(logger.text()).toContain(topic);
    expect(logger.text()).not.toContain(secret);
  });

  it('reports BUS.UNAVAILABLE when no broker answers', async () => {
    const options = {
      ...testBusOptions(),
      brokers: ['127.0.0.1:1'],
      connectionTimeoutMs: 200,
      retries: 1,
      logger: new RecordingLogger(),
    };
    await expect(KafkaBus.connect(options)).rejects.toMatchObject({ code: 'BUS.UNAVAILABLE' });
  });
});
