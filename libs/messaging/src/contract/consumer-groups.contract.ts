import type { OutgoingMessage, Subscription } from '../bus.port';
import { Inbox, uniqueGroup, uniqueTopic, useBus, waitUntil, type MakeBus } from './bus-fixtures.contract';

const messages = (count: number, prefix: string): OutgoingMessage[] =>
  Array.from({ length: count }, (_, i) => ({ key: `key-${i % 17}`, value: `${prefix}-${i}` }));

const disjointAndBothBusy = (a: Subscription, b: Subscription): boolean => {
  const [left, right] = [a.assignedPartitions(), b.assignedPartitions()];
  return left.length > 0 && right.length > 0 && left.every((partition) => !right.includes(partition));
};

export function consumerGroupsContract(makeBus: MakeBus, waitMs: number): void {
  describe('consumer groups', () => {
    const { bus, subscribe } = useBus(makeBus);

    it('delivers every message to each group', async () => {
      const topic = uniqueTopic();
      const [projection, audit] = [new Inbox(), new Inbox()];
      await subscribe({ topic, group: uniqueGroup('projection'), handler: projection.handler });
      await subscribe({ topic, group: uniqueGroup('audit'), handler: audit.handler });
      const sent = messages(30, 'm');
      await bus().publish(topic, sent);
      await waitUntil(
        'both groups got everything',
        () => projection.received.length >= 30 && audit.received.length >= 30,
        waitMs,
      );
      const all = sent.map((message) => message.value as string).sort();
      expect(projection.values().sort()).toEqual(all);
      expect(audit.values().sort()).toEqual(all);
    });

    it('shares partitions among the subscribers of a group, each message handled once', async () => {
      const topic = uniqueTopic();
      const group = uniqueGroup('shared');
      const [first, second] = [new Inbox(), new Inbox()];
      const a = await subscribe({ topic, group, handler: first.handler });
      const b = await subscribe({ topic, group, handler: second.handler });
      await waitUntil('the group has settled on disjoint partitions', () => disjointAndBothBusy(a, b), waitMs);

      const sent = messages(60, 'shared');
      await bus().publish(topic, sent);
      await waitUntil('all arrived', () => first.received.length + second.received.length >= sent.length, waitMs);
      expect([...first.values(), ...second.values()].sort()).toEqual(sent.map((m) => m.value as string).sort());
      expect(first.received.length).toBeGreaterThan(0);
      expect(second.received.length).toBeGreaterThan(0);
      for (const key of first.byKey().keys()) expect(second.byKey().has(key)).toBe(false);
      for (const message of first.received) expect(a.assignedPartitions()).toContain(message.partition);
    });

    it("hands a stopped subscriber's partitions to the remaining one", async () => {
      const topic = uniqueTopic();
      const group = uniqueGroup('handover');
      const [first, second] = [new Inbox(), new Inbox()];
      const a = await subscribe({ topic, group, handler: first.handler });
      const b = await subscribe({ topic, group, handler: second.handler });
      await waitUntil('the group has settled on disjoint partitions', () => disjointAndBothBusy(a, b), waitMs);
      await b.stop();
      expect(b.assignedPartitions()).toEqual([]);

      const sent = messages(40, 'after-stop');
      await bus().publish(topic, sent);
      await waitUntil('the remaining subscriber got everything', () => first.received.length >= sent.length, waitMs);
      expect(first.values().sort()).toEqual(sent.map((m) => m.value as string).sort());
      expect(second.received).toEqual([]);
    });
  });
}
