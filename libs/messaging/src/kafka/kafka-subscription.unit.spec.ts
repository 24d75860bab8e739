import { EventEmitter } from 'node:events';
import type { Kafka } from 'kafkajs';
import { RecordingLogger, waitUntil } from '../contract/bus-fixtures.contract';
import { subscriptionSettings } from '../delivery/subscription-settings';
import { KafkaSubscription, type ConsumerTuning } from './kafka-subscription';

/** Just enough of a kafkajs consumer to drive the subscription's life cycle. */
class FakeConsumer {
  readonly events = {
    GROUP_JOIN: 'group_join',
    REBALANCING: 'rebalancing',
    CRASH: 'crash',
    FETCH: 'fetch',
    HEARTBEAT: 'heartbeat',
  } as const;
  readonly calls: string[] = [];
  private readonly emitter = new EventEmitter();

  constructor(private readonly failConnect: boolean) {}

  on(event: string, listener: (event: unknown) => void): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }

  emit(event: keyof FakeConsumer['events'], payload: object): void {
    this.emitter.emit(this.events[event], { id: 0, type: event, timestamp: Date.now(), payload });
  }

  joined(partitions: number[]): void {
    this.emit('GROUP_JOIN', { memberAssignment: { 'portal.teams.events': partitions } });
  }

  connect = (): Promise<void> => {
    this.calls.push('connect');
    return this.failConnect ? Promise.reject(new Error('broker down')) : Promise.resolve();
  };
  subscribe = (): Promise<void> => Promise.resolve(void this.calls.push('subscribe'));
  run = (): Promise<void> => Promise.resolve(void this.calls.push('run'));
  disconnect = (): Promise<void> => Promise.resolve(void this.calls.push('disconnect'));
}

const tuning: ConsumerTuning = {
  sessionTimeoutMs: 6000,
  heartbeatIntervalMs: 100,
  rebalanceTimeoutMs: 6000,
  maxWaitTimeMs: 100,
  partitionsConsumedConcurrently: 3,
  joinTimeoutMs: 500,
  restartDelayMs: 10,
};

describe('Kafka subscription life cycle', () => {
  let consumers: FakeConsumer[];
  let failingConnects: number;
  let logger: RecordingLogger;
  let subscription: KafkaSubscription;

  beforeEach(() => {
    consumers = [];
    failingConnects = 0;
    logger = new RecordingLogger();
    const kafka = {
      consumer: () => {
        const consumer = new FakeConsumer(consumers.length > 0 && (failingConnects -= 1) >= 0);
        consumers.push(consumer);
        return consumer;
      },
    } as unknown as Kafka;
    const settings = subscriptionSettings({
      topic: 'portal.teams.events',
      group: 'projection',
      handler: async () => {},
    });
    const publishDeadLetter = () => Promise.resolve();
    subscription = new KafkaSubscription(settings, {
      kafka,
      tuning,
      logger,
      clock: () => new Date(),
      publishDeadLetter,
    });
  });
  afterEach(() => subscription.stop());

  async function started(partitions = [0, 1, 2]): Promise<FakeConsumer> {
    const starting = subscription.start();
    await waitUntil('the consumer runs', () => consumers[0]?.calls.includes('run') ?? false, 1000);
    consumers[0]?.joined(partitions);
    await starting;
    return consumers[0] as FakeConsumer;
  }

  it('resolves start once the group is joined, with the assigned partitions', async () => {
    await started([2, 0]);
    expect(subscription.assignedPartitions()).toEqual([0, 2]);
  });

  it('records its last contact with the broker on join, fetches and heartbeats, and none once stopped', async () => {
    expect(subscription.lastContactAt()).toBeNull();
    const before = Date.now();
    const consumer = await started();
    const joinedAt = subscription.lastContactAt() ?? 0;
    expect(joinedAt).toBeGreaterThanOrEqual(before);
    await new Promise((resolve) => setTimeout(resolve, 5));
    consumer.emit('FETCH', { numberOfBatches: 0, duration: 1 });
    const fetchedAt = subscription.lastContactAt() ?? 0;
    expect(fetchedAt).toBeGreaterThan(joinedAt);
    await new Promise((resolve) => setTimeout(resolve, 5));
    consumer.emit('HEARTBEAT', { groupId: 'projection', memberId: 'm', groupGenerationId: 1 });
    expect(subscription.lastContactAt()).toBeGreaterThan(fetchedAt);
    await subscription.stop();
    expect(subscription.lastContactAt()).toBeNull();
  });

  it('forgets its partitions while the group rebalances', async () => {
    const consumer = await started();
    consumer.emit('REBALANCING', { groupId: 'projection', memberId: 'm' });
    expect(subscription.assignedPartitions()).toEqual([]);
    consumer.joined([1]);
    expect(subscription.assignedPartitions()).toEqual([1]);
  });

  it('replaces a consumer that crashed for good, and logs it', async () => {
    const first = await started();
    first.emit('CRASH', { error: new Error('fatal'), groupId: 'projection', restart: false });
    expect(subscription.assignedPartitions()).toEqual([]);
    await waitUntil('a new consumer runs', () => consumers[1]?.calls.includes('run') ?? false, 1000);
    expect(first.calls).toContain('disconnect');
    consumers[1]?.joined([0, 1, 2]);
    expect(subscription.assignedPartitions()).toEqual([0, 1, 2]);
    expect(logger.text()).toContain('Kafka consumer crashed');
  });

  it('keeps trying to replace the consumer while the broker is down', async () => {
    failingConnects = 2;
    const first = await started();
    first.emit('CRASH', { error: new Error('fatal'), groupId: 'projection', restart: false });
    await waitUntil('a third consumer runs', () => consumers[3]?.calls.includes('run') ?? false, 2000);
    expect(logger.text()).toContain('Replacing the Kafka consumer failed');
  });

  it('leaves a crash kafkajs recovers from itself to kafkajs', async () => {
    const first = await started();
    first.emit('CRASH', { error: new Error('retriable'), groupId: 'projection', restart: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(consumers).toHaveLength(1);
  });

  it('fails to start with BUS.SUBSCRIBE_FAILED when the group is never joined, and disconnects', async () => {
    await expect(subscription.start()).rejects.toMatchObject({ code: 'BUS.SUBSCRIBE_FAILED' });
    expect(consumers[0]?.calls).toContain('disconnect');
  });

  it('stops without replacing a consumer that crashes afterwards', async () => {
    const first = await started();
    await subscription.stop();
    first.emit('CRASH', { error: new Error('fatal'), groupId: 'projection', restart: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(consumers).toHaveLength(1);
    expect(subscription.assignedPartitions()).toEqual([]);
  });
});
