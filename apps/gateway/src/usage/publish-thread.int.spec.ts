import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KafkaBus, silentBusLogger } from '@portal/messaging';
import {
  Inbox,
  RecordingLogger,
  text,
  uniqueGroup,
  uniqueTopic,
  waitUntil,
} from '../../../../libs/messaging/src/contract/bus-fixtures.contract';
import { testBusOptions } from '../../../../libs/messaging/src/kafka/kafka-test-options.contract';
import { describeWithServer } from '../../../../test/support/requires-server';
import { PublishThread } from './publish-thread';

/** The bus settings of a service on the test broker (DATA_DIR is not used on Kafka). */
const kafkaSettings = () => ({ BUS: 'kafka' as const, DATA_DIR: tmpdir(), KAFKA_BROKERS: testBusOptions().brokers });

describeWithServer('kafka', 'PublishThread', () => {
  let reader: KafkaBus;
  const threads: PublishThread[] = [];
  const started = (logger = new RecordingLogger()): PublishThread => {
    const thread = new PublishThread({ bus: kafkaSettings(), clientId: 'publish-thread-tests' }, logger);
    threads.push(thread);
    return thread;
  };

  beforeAll(async () => {
    reader = await KafkaBus.connect(testBusOptions());
  });
  afterAll(async () => {
    await Promise.all(threads.map((thread) => thread.close()));
    await reader.close();
  });

  it('publishes from its own thread, each publish in order and intact, text and bytes alike', async () => {
    const thread = started();
    const topic = uniqueTopic();
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    await thread.publish(topic, [{ key: 'k', value: 'first', headers: { 'x-kind': 'text' } }]);
    await Promise.all([
      thread.publish(topic, [{ key: 'k', value: bytes }]),
      thread.publish(topic, [
        { key: 'k', value: 'third' },
        { key: 'k', value: 'fourth' },
      ]),
    ]);
    const inbox = new Inbox();
    await reader.subscribe({ topic, group: uniqueGroup('thread'), handler: inbox.handler });
    await waitUntil('the four messages arrived', () => inbox.received.length === 4, 20_000);
    expect(inbox.received.map(text)).toEqual(['first', bytes.toString('utf8'), 'third', 'fourth']);
    expect(inbox.received[1]?.value.equals(bytes)).toBe(true);
    expect(inbox.received[0]?.headers).toEqual({ 'x-kind': 'text' });
  });

  it("answers a refused publish with the bus's error and code", async () => {
    const thread = started();
    await expect(thread.publish('not a portal topic', [{ key: 'k', value: 'v' }])).rejects.toMatchObject({
      name: 'BusError',
      code: 'BUS.INVALID_TOPIC',
    });
    // The thread goes on publishing after a refusal.
    await expect(thread.publish(uniqueTopic(), [{ key: 'k', value: 'v' }])).resolves.toBeUndefined();
  });

  it('refuses a message that cannot cross to the thread, and goes on publishing', async () => {
    const thread = started();
    const uncloneable = { key: 'k', value: (() => 'not data') as unknown as string };
    await expect(thread.publish(uniqueTopic(), [uncloneable])).rejects.toThrow(/could not be cloned/);
    await expect(thread.publish(uniqueTopic(), [{ key: 'k', value: 'v' }])).resolves.toBeUndefined();
  });

  it('fails the publishes of a thread that stopped, logs it, and starts another for the next', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'publish-thread-'));
    try {
      const dying = join(folder, 'dying.cjs');
      writeFileSync(dying, 'process.exit(3);\n');
      const logger = new RecordingLogger();
      const thread = new PublishThread({ bus: kafkaSettings(), clientId: 'dying' }, logger, {
        file: dying,
        execArgv: [],
      });
      threads.push(thread);
      const failure = await thread.publish(uniqueTopic(), [{ key: 'k', value: 'v' }]).catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: 'BUS.PUBLISH_FAILED' });
      expect(String(failure)).toContain('exit code 3');
      await expect(thread.publish(uniqueTopic(), [{ key: 'k', value: 'v' }])).rejects.toMatchObject({
        code: 'BUS.PUBLISH_FAILED',
      });
      expect(logger.entries.filter((entry) => entry.message.startsWith('The publishing thread stopped'))).toHaveLength(
        2,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses publishes once closed', async () => {
    const thread = new PublishThread({ bus: kafkaSettings(), clientId: 'publish-thread-tests' }, silentBusLogger);
    await thread.publish(uniqueTopic(), [{ key: 'k', value: 'v' }]);
    await thread.close();
    await expect(thread.publish(uniqueTopic(), [{ key: 'k', value: 'v' }])).rejects.toMatchObject({
      code: 'BUS.CLOSED',
    });
  });
});
