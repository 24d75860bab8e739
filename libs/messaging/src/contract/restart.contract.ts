import type { Subscription } from '../bus.port';
import {
  FAST_BACKOFF,
  Inbox,
  text,
  uniqueGroup,
  uniqueTopic,
  useBus,
  waitUntil,
  type MakeBus,
} from './bus-fixtures.contract';

const values = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `m${String(from + i).padStart(2, '0')}`);

/** A promise with its resolve function, to hold a handler until the test lets it go. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

export function restartContract(makeBus: MakeBus, waitMs: number): void {
  describe('stopping and restarting a subscriber', () => {
    const { bus, subscribe } = useBus(makeBus);

    it('resumes after the last committed message: nothing committed twice, nothing uncommitted lost', async () => {
      const topic = uniqueTopic();
      const group = uniqueGroup('restart');
      await bus().publish(
        topic,
        values(1, 20).map((value) => ({ key: 'stream-1', value })),
      );
      let subscribed = (_subscription: Subscription): void => undefined;
      const started = new Promise<Subscription>((resolve) => (subscribed = resolve));
      const first = new Inbox(async (message) => {
        if (text(message) !== 'm10') return;
        void started.then((subscription) => subscription.stop());
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error('the process is going down');
      });
      const subscription = await subscribe({ topic, group, handler: first.handler, backoff: FAST_BACKOFF });
      subscribed(subscription);
      await waitUntil('the first subscriber reached m10', () => first.values().includes('m10'), waitMs);
      await subscription.stop();
      expect(first.firstDeliveries()).toEqual(values(1, 10));

      const second = new Inbox();
      await subscribe({ topic, group, handler: second.handler });
      await waitUntil('the rest arrived', () => second.received.length >= 11, waitMs);
      expect(second.values()).toEqual(values(10, 20));
    });

    it('waits for a running handler on stop and commits its message when it succeeds', async () => {
      const topic = uniqueTopic();
      const group = uniqueGroup('graceful');
      await bus().publish(
        topic,
        values(1, 6).map((value) => ({ key: 'stream-1', value })),
      );
      const release = gate();
      let finished = false;
      const first = new Inbox(async (message) => {
        if (text(message) !== 'm03') return;
        await release.opened;
        finished = true;
      });
      const subscription = await subscribe({ topic, group, handler: first.handler });
      await waitUntil('m03 is being handled', () => first.values().includes('m03'), waitMs);
      const stopped = subscription.stop();
      setTimeout(release.open, 100);
      await stopped;
      expect(finished).toBe(true);
      expect(first.values()).toEqual(values(1, 3));

      const second = new Inbox();
      await subscribe({ topic, group, handler: second.handler });
      await waitUntil('the rest arrived', () => second.received.length >= 3, waitMs);
      expect(second.values()).toEqual(values(4, 6));
    });
  });
}
