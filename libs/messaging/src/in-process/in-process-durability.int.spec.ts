import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentBusLogger } from '../bus-logger';
import { FAST_BACKOFF, Inbox, text, uniqueGroup, uniqueTopic, waitUntil } from '../contract/bus-fixtures.contract';
import { InProcessBus, inProcessBusPath, type InProcessBusOptions } from './in-process-bus';
import { partitionOfKey } from './key-partition';

const directory = mkdtempSync(join(tmpdir(), 'portal-bus-durability-'));
const open: InProcessBus[] = [];
let files = 0;

const newPath = (): string => inProcessBusPath(join(directory, `data-${(files += 1)}`));
const openBus = (options: Partial<InProcessBusOptions> & { path: string }): InProcessBus => {
  const bus = InProcessBus.open({ logger: silentBusLogger, ...options });
  open.push(bus);
  return bus;
};
const messages = (...values: string[]) => values.map((value) => ({ key: 'stream-1', value }));

afterEach(async () => {
  await Promise.all(open.splice(0).map((bus) => bus.close()));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('in-process bus file', () => {
  it('lives at <DATA_DIR>/bus.sqlite', () => {
    expect(inProcessBusPath('/srv/data')).toBe('/srv/data/bus.sqlite');
  });

  it('keeps messages and committed offsets across a restart of the process', async () => {
    const path = newPath();
    const [topic, group] = [uniqueTopic(), uniqueGroup('durable')];
    const before = openBus({ path });
    const first = new Inbox();
    const subscription = await before.subscribe({ topic, group, handler: first.handler });
    await before.publish(topic, messages('a', 'b'));
    await waitUntil('a and b handled', () => first.received.length === 2, 5000);
    await subscription.stop();
    await before.publish(topic, messages('c'));
    await before.close();

    const after = openBus({ path });
    await after.publish(topic, messages('d'));
    const second = new Inbox();
    await after.subscribe({ topic, group, handler: second.handler });
    await waitUntil('c and d handled', () => second.received.length >= 2, 5000);
    expect(first.values()).toEqual(['a', 'b']);
    expect(second.values()).toEqual(['c', 'd']);
  });

  it('delivers again a message whose handling never completed before the process went down', async () => {
    const path = newPath();
    const [topic, group] = [uniqueTopic(), uniqueGroup('crash')];
    const before = openBus({ path });
    const first = new Inbox((message) => {
      if (text(message) === 'b') throw new Error('database unavailable');
    });
    await before.subscribe({ topic, group, handler: first.handler, backoff: { initialMs: 60_000 } });
    await before.publish(topic, messages('a', 'b', 'c'));
    await waitUntil('b failed once', () => first.values().includes('b'), 5000);
    await before.close();

    const after = openBus({ path });
    const second = new Inbox();
    await after.subscribe({ topic, group, handler: second.handler });
    await waitUntil('b and c handled', () => second.received.length >= 2, 5000);
    expect(first.values()).toEqual(['a', 'b']);
    expect(second.values()).toEqual(['b', 'c']);
  });

  it('wakes subscribers on publish without waiting for the poll', async () => {
    const bus = openBus({ path: ':memory:', pollIntervalMs: 60_000 });
    const topic = uniqueTopic();
    const inbox = new Inbox();
    await bus.subscribe({ topic, group: uniqueGroup('live'), handler: inbox.handler });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const published = Date.now();
    await bus.publish(topic, messages('now'));
    await waitUntil('the message arrived', () => inbox.received.length === 1, 1000);
    expect(Date.now() - published).toBeLessThan(500);
  });

  it('picks up messages another process published to the same file by polling', async () => {
    const path = newPath();
    const topic = uniqueTopic();
    const consumer = openBus({ path, pollIntervalMs: 50 });
    const publisher = openBus({ path });
    const inbox = new Inbox();
    await consumer.subscribe({ topic, group: uniqueGroup('poll'), handler: inbox.handler });
    await publisher.publish(topic, messages('from elsewhere'));
    await waitUntil('the message arrived', () => inbox.received.length === 1, 2000);
  });

  it('keeps the partition count a topic was created with', async () => {
    const path = newPath();
    const topic = uniqueTopic();
    const keys = Array.from({ length: 40 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    await openBus({ path, partitions: 2 }).publish(topic, keys);
    const inbox = new Inbox();
    await openBus({ path, partitions: 8 }).subscribe({ topic, group: uniqueGroup('parts'), handler: inbox.handler });
    await waitUntil('all arrived', () => inbox.received.length === 40, 5000);
    expect(new Set(inbox.received.map((m) => m.partition))).toEqual(new Set([0, 1]));
  });

  it('refuses to publish or subscribe once closed', async () => {
    const bus = openBus({ path: ':memory:' });
    await bus.close();
    await expect(bus.publish(uniqueTopic(), messages('late'))).rejects.toMatchObject({ code: 'BUS.CLOSED' });
    await expect(
      bus.subscribe({ topic: uniqueTopic(), group: 'g', handler: new Inbox().handler }),
    ).rejects.toMatchObject({ code: 'BUS.CLOSED' });
  });

  it('keeps retrying in place while a message fails, blocking only its partition', async () => {
    const bus = openBus({ path: ':memory:', partitions: 4 });
    const topic = uniqueTopic();
    const inbox = new Inbox((message) => {
      if (message.key === 'stuck') throw new Error('not yet');
    });
    await bus.subscribe({ topic, group: uniqueGroup('block'), handler: inbox.handler, backoff: FAST_BACKOFF });
    const stuck = partitionOfKey('stuck', 4);
    const others = Array.from({ length: 30 }, (_, i) => ({ key: `other-${i}`, value: `o${i}` }));
    const elsewhere = others.filter((message) => partitionOfKey(message.key, 4) !== stuck);
    await bus.publish(topic, [{ key: 'stuck', value: 's' }, ...others]);
    await waitUntil(
      'other partitions were handled while the stuck message was retried',
      () =>
        elsewhere.every((message) => inbox.values().includes(message.value)) &&
        inbox.received.filter((m) => m.key === 'stuck').length > 2,
      5000,
    );
    const behindStuck = others.filter((message) => partitionOfKey(message.key, 4) === stuck);
    expect(behindStuck.length).toBeGreaterThan(0);
    expect(inbox.values().filter((value) => behindStuck.some((m) => m.value === value))).toEqual([]);
  });
});
