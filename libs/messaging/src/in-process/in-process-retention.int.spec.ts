import { silentBusLogger } from '../bus-logger';
import { Inbox, uniqueGroup, uniqueTopic, waitUntil } from '../contract/bus-fixtures.contract';
import { InProcessBus } from './in-process-bus';

const HOUR = 60 * 60 * 1000;
let now = new Date('2026-01-01T00:00:00Z');
const clock = (): Date => now;
const messages = (...values: string[]) => values.map((value) => ({ key: 'stream-1', value }));

describe('in-process bus retention', () => {
  let bus: InProcessBus;
  beforeEach(() => {
    now = new Date('2026-01-01T00:00:00Z');
    bus = InProcessBus.open({ path: ':memory:', retentionMs: HOUR, clock, logger: silentBusLogger });
  });
  afterEach(() => bus.close());

  async function consume(topic: string, group: string, count: number): Promise<Inbox> {
    const inbox = new Inbox();
    const subscription = await bus.subscribe({ topic, group, handler: inbox.handler });
    await waitUntil(`${count} handled by ${group}`, () => inbox.received.length === count, 5000);
    await subscription.stop();
    return inbox;
  }

  it('deletes only what every known group has handled, once older than the retention period', async () => {
    const topic = uniqueTopic();
    const [fast, slow] = [uniqueGroup('fast'), uniqueGroup('slow')];
    await bus.publish(topic, messages('m1', 'm2', 'm3', 'm4'));
    await consume(topic, fast, 4);
    const slowInbox = new Inbox((message) => {
      if (message.value.toString() === 'm3') throw new Error('slow group stuck on m3');
    });
    const slowSub = await bus.subscribe({
      topic,
      group: slow,
      handler: slowInbox.handler,
      backoff: { initialMs: HOUR },
    });
    await waitUntil('slow group reached m3', () => slowInbox.received.length === 3, 5000);
    await slowSub.stop();

    expect(bus.pruneRetained()).toBe(0);
    now = new Date(now.getTime() + 2 * HOUR);
    expect(bus.pruneRetained()).toBe(2);

    const late = await consume(topic, uniqueGroup('late'), 2);
    expect(late.values()).toEqual(['m3', 'm4']);
  });

  it('keeps every message of a topic no group has subscribed to', async () => {
    const topic = uniqueTopic();
    await bus.publish(topic, messages('kept'));
    now = new Date(now.getTime() + 100 * HOUR);
    expect(bus.pruneRetained()).toBe(0);
  });

  it('keeps offsets increasing after a partition was emptied', async () => {
    const topic = uniqueTopic();
    const group = uniqueGroup('offsets');
    await bus.publish(topic, messages('a', 'b'));
    const before = await consume(topic, group, 2);
    now = new Date(now.getTime() + 2 * HOUR);
    expect(bus.pruneRetained()).toBe(2);
    await bus.publish(topic, messages('c'));
    const after = await consume(topic, group, 1);
    expect(after.values()).toEqual(['c']);
    expect(Number(after.received[0]?.offset)).toBe(Number(before.received[1]?.offset) + 1);
  });
});
