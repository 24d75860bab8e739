import type { RecordedEvent } from '../../domain/event-envelope';
import {
  endOfLog,
  newEvent,
  readAllOf,
  uniqueStream,
  useStore,
  type MakeEventStore,
} from './contract-fixtures.contract';

const positionsOf = (events: readonly RecordedEvent[]): number[] => events.map((event) => event.globalPosition);

function expectStrictlyIncreasing(positions: readonly number[]): void {
  positions.slice(1).forEach((position, index) => expect(position).toBeGreaterThan(positions[index] ?? -Infinity));
}

export function globalOrderContract(makeStore: MakeEventStore): void {
  const store = useStore(makeStore);

  describe('read all in global order', () => {
    it('returns the events of every stream in the order they were appended', async () => {
      const start = await endOfLog(store());
      const a = uniqueStream();
      const b = uniqueStream();
      const c = uniqueStream();
      const order = [a, b, a, c, b, a].map((stream, n) => ({ stream, n }));
      for (const { stream, n } of order) await store().append(stream, [newEvent('ItemAdded', { n })]);
      const events = await readAllOf(store(), new Set([a, b, c]), start);
      expect(events.map((e) => [e.streamId, e.data])).toEqual(order.map(({ stream, n }) => [stream, { n }]));
      expectStrictlyIncreasing(positionsOf(events));
    });

    it('pages from a checkpoint, without gaps or repeats, and says where the end is', async () => {
      const start = await endOfLog(store());
      const stream = uniqueStream();
      await store().append(
        stream,
        [0, 1, 2, 3, 4].map((n) => newEvent('ItemAdded', { n })),
      );
      const pages: RecordedEvent[][] = [];
      let checkpoint = start;
      for (let done = false; !done;) {
        const page = await store().readAll({ after: checkpoint, maxCount: 2 });
        pages.push(page.events.filter((e) => e.streamId === stream));
        expect(page.checkpoint).toBe(page.events.at(-1)?.globalPosition ?? checkpoint);
        checkpoint = page.checkpoint;
        done = page.isEnd;
      }
      expect(pages.flat().map((e) => e.data)).toEqual([0, 1, 2, 3, 4].map((n) => ({ n })));
      expect(pages.slice(0, 2).map((p) => p.length)).toEqual([2, 2]);
      const after = await store().readAll({ after: checkpoint });
      expect(after).toEqual({ events: [], checkpoint, isEnd: true });
    });

    it('matches what each stream read returns', async () => {
      const start = await endOfLog(store());
      const streams = [uniqueStream(), uniqueStream()];
      await Promise.all(
        streams.map((s) => store().append(s, [newEvent('ItemAdded', { s }), newEvent('ItemAdded', {})])),
      );
      const all = await readAllOf(store(), new Set(streams), start);
      const perStream = (await Promise.all(streams.map((s) => store().readStream(s)))).flat();
      expect([...all].sort((x, y) => x.globalPosition - y.globalPosition)).toEqual(
        [...perStream].sort((x, y) => x.globalPosition - y.globalPosition),
      );
    });

    it('never lets a reader skip an event while appends race each other', async () => {
      const start = await endOfLog(store());
      const streams = Array.from({ length: 8 }, () => uniqueStream());
      const ours = new Set(streams);
      let writing = true;
      const seen: RecordedEvent[] = [];
      const reader = (async () => {
        let checkpoint = start;
        for (let last = false; !last;) {
          last = !writing;
          const page = await store().readAll({ after: checkpoint, maxCount: 50 });
          seen.push(...page.events.filter((e) => ours.has(e.streamId)));
          checkpoint = page.checkpoint;
          if (!page.isEnd) last = false;
        }
      })();
      await Promise.all(
        streams.map(async (stream) => {
          for (let n = 0; n < 25; n += 1) await store().append(stream, [newEvent('ItemAdded', { n })]);
        }),
      );
      writing = false;
      await reader;
      expect(seen).toHaveLength(200);
      expectStrictlyIncreasing(positionsOf(seen));
      expect(positionsOf(seen)).toEqual(positionsOf(await readAllOf(store(), ours, start)));
    });
  });
}
