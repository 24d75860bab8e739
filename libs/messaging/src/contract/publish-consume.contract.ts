import type { BusErrorCode } from '../bus.errors';
import type { OutgoingMessage } from '../bus.port';
import { Inbox, uniqueGroup, uniqueTopic, useBus, waitUntil, type MakeBus } from './bus-fixtures.contract';

const busError = (code: BusErrorCode) => ({ name: 'BusError', code });

export function publishConsumeContract(makeBus: MakeBus, waitMs: number): void {
  describe('publish and consume', () => {
    const { bus, subscribe } = useBus(makeBus);

    it('delivers key, value, headers and position of each message, first attempt', async () => {
      const topic = uniqueTopic();
      const before = Date.now();
      await bus().publish(topic, [
        { key: 'team-1', value: 'created', headers: { 'event-type': 'TeamCreated', 'schema-version': '1' } },
        { key: 'team-1', value: Buffer.from([0, 1, 2, 255]) },
      ]);
      const inbox = new Inbox();
      await subscribe({ topic, group: uniqueGroup('plain'), handler: inbox.handler });
      await waitUntil('both messages arrived', () => inbox.received.length === 2, waitMs);

      const [first, second] = inbox.received;
      expect(first).toMatchObject({ topic, key: 'team-1', attempt: 1 });
      expect(first?.value.toString('utf8')).toBe('created');
      expect(first?.headers).toEqual({ 'event-type': 'TeamCreated', 'schema-version': '1' });
      expect(second?.value).toEqual(Buffer.from([0, 1, 2, 255]));
      expect(second?.headers).toEqual({});
      expect(second?.partition).toBe(first?.partition);
      expect(BigInt(second?.offset ?? -1)).toBe(BigInt(first?.offset ?? -1) + 1n);
      expect(first?.publishedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    });

    it('reports recent contact with the bus while subscribed, and none once stopped', async () => {
      const topic = uniqueTopic();
      await bus().publish(topic, [{ key: 'k', value: 'v' }]);
      const inbox = new Inbox();
      const subscription = await subscribe({ topic, group: uniqueGroup('contact'), handler: inbox.handler });
      await waitUntil('the message arrived', () => inbox.received.length === 1, waitMs);
      const first = subscription.lastContactAt() ?? 0;
      expect(Date.now() - first).toBeLessThan(waitMs);
      await waitUntil('contact is renewed while idle', () => (subscription.lastContactAt() ?? 0) > first, waitMs);
      await subscription.stop();
      expect(subscription.lastContactAt()).toBeNull();
    });

    it('round-trips unicode keys, values and header values', async () => {
      const topic = uniqueTopic();
      const message = {
        key: 'équipe-😀-日本',
        value: 'Grüße 👋 — ñ 日本語 \u0000 end',
        headers: { note: 'café ☕ 𝄞' },
      };
      await bus().publish(topic, [message]);
      const inbox = new Inbox();
      await subscribe({ topic, group: uniqueGroup('unicode'), handler: inbox.handler });
      await waitUntil('the message arrived', () => inbox.received.length === 1, waitMs);
      expect(inbox.received[0]).toMatchObject({ key: message.key, headers: message.headers });
      expect(inbox.values()).toEqual([message.value]);
    });

    it('carries a message of about 1 MB intact', async () => {
      const topic = uniqueTopic();
      const value = Buffer.alloc(1_000_000);
      for (let i = 0; i < value.length; i += 1) value[i] = (i * 7919) % 251;
      await bus().publish(topic, [{ key: 'big', value }]);
      const inbox = new Inbox();
      await subscribe({ topic, group: uniqueGroup('large'), handler: inbox.handler });
      await waitUntil('the large message arrived', () => inbox.received.length === 1, waitMs);
      expect(inbox.received[0]?.value.equals(value)).toBe(true);
    });

    it('refuses topics outside the portal names and malformed messages, with stable codes', async () => {
      const handler = new Inbox().handler;
      const good: OutgoingMessage = { key: 'k', value: 'v' };
      await expect(bus().publish('orders', [good])).rejects.toMatchObject(busError('BUS.INVALID_TOPIC'));
      await expect(bus().publish('portal.teams.events.dlq.dlq', [good])).rejects.toMatchObject(
        busError('BUS.INVALID_TOPIC'),
      );
      await expect(subscribe({ topic: 'portal.Teams.events', group: 'g', handler })).rejects.toMatchObject(
        busError('BUS.INVALID_TOPIC'),
      );
      const topic = uniqueTopic();
      const bad = [{ key: '', value: 'v' }] as OutgoingMessage[];
      await expect(bus().publish(topic, bad)).rejects.toMatchObject(busError('BUS.INVALID_MESSAGE'));
      const badHeader = [{ key: 'k', value: 'v', headers: { n: 1 } }] as unknown as OutgoingMessage[];
      await expect(bus().publish(topic, badHeader)).rejects.toMatchObject(busError('BUS.INVALID_MESSAGE'));
      await expect(subscribe({ topic, group: 'has space', handler })).rejects.toMatchObject(
        busError('BUS.INVALID_SUBSCRIPTION'),
      );
      await expect(subscribe({ topic, group: 'g', handler, maxAttempts: 0 })).rejects.toMatchObject(
        busError('BUS.INVALID_SUBSCRIPTION'),
      );
    });

    it('accepts an empty batch as a no-op', async () => {
      await expect(bus().publish(uniqueTopic(), [])).resolves.toBeUndefined();
    });
  });
}
