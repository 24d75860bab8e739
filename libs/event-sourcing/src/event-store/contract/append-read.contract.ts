import { InvalidStreamNameError } from '../../domain/stream-name';
import { WrongExpectedRevisionError } from '../event-store.errors';
import { metadata, newEvent, uniqueStream, useStore, type MakeEventStore } from './contract-fixtures.contract';

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

export function appendAndReadContract(makeStore: MakeEventStore): void {
  const store = useStore(makeStore);

  describe('append and read one stream', () => {
    it('records the full envelope and reads it back unchanged', async () => {
      const stream = uniqueStream();
      const event = newEvent('BasketOpened', {
        owner: 'ada',
        tags: ['a', 'b'],
        nested: { n: 1.5, ok: true, none: null },
      });
      const result = await store().append(stream, [event], { expectedRevision: 'no_stream' });
      const [read] = await store().readStream(stream);
      expect(result).toEqual({ outcome: 'appended', streamRevision: 0, events: [read] });
      expect(read).toEqual({
        id: event.id,
        type: 'BasketOpened',
        schemaVersion: 1,
        streamId: stream,
        streamRevision: 0,
        globalPosition: expect.any(Number) as number,
        recordedAt: expect.stringMatching(ISO_TIME) as string,
        data: event.data,
        metadata,
      });
    });

    it('reports the head position: the newest event of any stream', async () => {
      await store().append(uniqueStream(), [newEvent('BasketOpened', {})]);
      const result = await store().append(uniqueStream(), [newEvent('BasketOpened', {}), newEvent('ItemAdded', {})]);
      expect(await store().headPosition()).toBe(result.events.at(-1)?.globalPosition);
    });

    it('keeps the recorded time the caller gives', async () => {
      const stream = uniqueStream();
      await store().append(stream, [newEvent('BasketOpened', {}, { recordedAt: '2030-01-02T03:04:05.678Z' })]);
      const [read] = await store().readStream(stream);
      expect(read?.recordedAt).toBe('2030-01-02T03:04:05.678Z');
    });

    it('gives the events of one append consecutive revisions and increasing positions', async () => {
      const stream = uniqueStream();
      await store().append(stream, [newEvent('BasketOpened', {})]);
      const result = await store().append(
        stream,
        [1, 2, 3].map((n) => newEvent('ItemAdded', { n })),
        {
          expectedRevision: 0,
        },
      );
      expect(result.streamRevision).toBe(3);
      expect(result.events.map((e) => e.streamRevision)).toEqual([1, 2, 3]);
      const positions = (await store().readStream(stream)).map((e) => e.globalPosition);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(new Set(positions).size).toBe(4);
    });

    it('reads forward from a revision, at most maxCount events', async () => {
      const stream = uniqueStream();
      await store().append(
        stream,
        [0, 1, 2, 3, 4].map((n) => newEvent('ItemAdded', { n })),
      );
      const read = await store().readStream(stream, { fromRevision: 2, maxCount: 2 });
      expect(read.map((e) => e.data)).toEqual([{ n: 2 }, { n: 3 }]);
      expect(await store().readStream(stream, { fromRevision: 5 })).toEqual([]);
    });

    it('reads a stream that does not exist as empty', async () => {
      expect(await store().readStream(uniqueStream())).toEqual([]);
    });

    it('stores a 1 MB event', async () => {
      const stream = uniqueStream();
      const big = 'x'.repeat(1_000_000);
      await store().append(stream, [newEvent('ItemAdded', { big })]);
      const [read] = await store().readStream(stream);
      expect((read?.data as { big: string }).big).toHaveLength(1_000_000);
      expect((read?.data as { big: string }).big === big).toBe(true);
    });

    it('stores unicode in data, metadata and stream ids exactly', async () => {
      const stream = `basket-ünïcödé-日本語-${Date.now()}-🧺`;
      const text = 'Ωμέγα 日本語 العربية 👩🏽‍💻 e\u0301 "quotes" \\back\\ \u0000 \u2028 \t';
      const event = newEvent('ItemAdded', { text }, { metadata: { ...metadata, userAgent: `Mozilla 🦊 ${text}` } });
      await store().append(stream, [event]);
      const [read] = await store().readStream(stream);
      expect(read?.streamId).toBe(stream);
      expect(read?.data).toEqual({ text });
      expect(read?.metadata.userAgent).toBe(`Mozilla 🦊 ${text}`);
    });
  });

  describe('expected revision', () => {
    it('refuses an append at the wrong revision with a typed error, and appends nothing', async () => {
      const stream = uniqueStream();
      await store().append(stream, [newEvent('BasketOpened', {}), newEvent('ItemAdded', {})]);
      const refused = store().append(stream, [newEvent('ItemAdded', {})], { expectedRevision: 0 });
      await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(refused).rejects.toMatchObject({
        code: 'EVENT_STORE.WRONG_EXPECTED_REVISION',
        streamId: stream,
        expectedRevision: 0,
        actualRevision: 1,
      });
      expect(await store().readStream(stream)).toHaveLength(2);
    });

    it('checks no_stream, stream_exists, a revision and any', async () => {
      const stream = uniqueStream();
      const append = (expectedRevision: 'no_stream' | 'stream_exists' | 'any' | number) =>
        store().append(stream, [newEvent('ItemAdded', {})], { expectedRevision });
      await expect(append('stream_exists')).rejects.toMatchObject({ actualRevision: null });
      await expect(append(0)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(append('no_stream')).resolves.toMatchObject({ streamRevision: 0 });
      await expect(append('no_stream')).rejects.toMatchObject({ actualRevision: 0 });
      await expect(append(0)).resolves.toMatchObject({ streamRevision: 1 });
      await expect(append('stream_exists')).resolves.toMatchObject({ streamRevision: 2 });
      await expect(append('any')).resolves.toMatchObject({ streamRevision: 3 });
    });

    it('rejects an expected revision that is not one', async () => {
      for (const expectedRevision of [-1, 1.5, Number.NaN]) {
        await expect(
          store().append(uniqueStream(), [newEvent('ItemAdded', {})], { expectedRevision }),
        ).rejects.toMatchObject({ code: 'EVENT_STORE.INVALID_ARGUMENT' });
      }
    });

    it('appends all events of a call or none', async () => {
      const stream = uniqueStream();
      const events = [newEvent('ItemAdded', {}), newEvent('ItemAdded', {}, { id: 'not-a-uuid' })];
      await expect(store().append(stream, events)).rejects.toMatchObject({ code: 'EVENT_STORE.INVALID_ARGUMENT' });
      expect(await store().readStream(stream)).toEqual([]);
    });
  });

  describe('stream names', () => {
    const invalid: [label: string, name: string, problem: RegExp][] = [
      ['empty', '', /no "-"/],
      ['no dash', 'basket', /no "-"/],
      ['empty id', 'basket-', /id .* is empty/],
      ['empty category', '-42', /category .* is empty/],
      ['upper case', 'Basket-42', /lowercase letters and digits/],
      ['underscore', 'bas_ket-42', /lowercase letters and digits/],
      ['system stream', '$all-42', /lowercase letters and digits/],
      ['space', 'basket-4 2', /whitespace or control/],
      ['newline', 'basket-42\n', /whitespace or control/],
      ['control character', 'basket-\u0007', /whitespace or control/],
      ['201 characters', `basket-${'x'.repeat(194)}`, /limit is 200/],
    ];

    it.each(invalid)('rejects a name with %s, with a clear error', async (_label, name, problem) => {
      const append = store().append(name, [newEvent('ItemAdded', {})]);
      await expect(append).rejects.toBeInstanceOf(InvalidStreamNameError);
      await expect(append).rejects.toMatchObject({
        code: 'EVENT_STORE.INVALID_STREAM_NAME',
        message: expect.stringMatching(problem) as string,
      });
      await expect(store().readStream(name)).rejects.toMatchObject({ code: 'EVENT_STORE.INVALID_STREAM_NAME' });
    });
  });
}
