import { handleCommand } from '../../command-handling/handle-command';
import { IdempotencyKeyReusedError } from '../event-store.errors';
import {
  basketDecider,
  metadata,
  newEvent,
  uniqueStream,
  useStore,
  type BasketCommand,
  type MakeEventStore,
} from './contract-fixtures.contract';

const uniqueKey = (): string => `key-${Math.random().toString(36).slice(2)}-${Date.now()}`;

export function idempotencyContract(makeStore: MakeEventStore): void {
  const store = useStore(makeStore);

  describe('idempotent appends', () => {
    it('returns the first result and appends nothing when a key comes back with the same command', async () => {
      const stream = uniqueStream();
      const idempotency = { key: uniqueKey(), fingerprint: 'f1' };
      const first = await store().append(stream, [newEvent('BasketOpened', {}), newEvent('ItemAdded', {})], {
        expectedRevision: 'no_stream',
        idempotency,
      });
      const again = await store().append(stream, [newEvent('BasketOpened', {}), newEvent('ItemAdded', {})], {
        expectedRevision: 'no_stream',
        idempotency,
      });
      expect(first.outcome).toBe('appended');
      expect(again).toEqual({ ...first, outcome: 'duplicate' });
      expect(await store().readStream(stream)).toEqual(first.events);
      await expect(store().readIdempotencyRecord(idempotency.key)).resolves.toEqual({
        ...idempotency,
        streamId: stream,
        firstRevision: 0,
        eventCount: 2,
      });
    });

    it('refuses the same key with a different command', async () => {
      const stream = uniqueStream();
      const key = uniqueKey();
      await store().append(stream, [newEvent('BasketOpened', {})], { idempotency: { key, fingerprint: 'f1' } });
      const reused = store().append(stream, [newEvent('ItemAdded', {})], { idempotency: { key, fingerprint: 'f2' } });
      await expect(reused).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
      await expect(reused).rejects.toMatchObject({ code: 'EVENT_STORE.IDEMPOTENCY_KEY_REUSED', key });
      expect(await store().readStream(stream)).toHaveLength(1);
    });

    it('records nothing for a refused append, so the key can be used again', async () => {
      const stream = uniqueStream();
      const idempotency = { key: uniqueKey(), fingerprint: 'f1' };
      await store().append(stream, [newEvent('BasketOpened', {})]);
      const refused = store().append(stream, [newEvent('ItemAdded', {})], {
        expectedRevision: 'no_stream',
        idempotency,
      });
      await expect(refused).rejects.toMatchObject({ code: 'EVENT_STORE.WRONG_EXPECTED_REVISION' });
      await expect(store().readIdempotencyRecord(idempotency.key)).resolves.toBeNull();
      const retried = await store().append(stream, [newEvent('ItemAdded', {})], { expectedRevision: 0, idempotency });
      expect(retried).toMatchObject({ outcome: 'appended', streamRevision: 1 });
    });

    it('appends once when the same keyed append races itself', async () => {
      const stream = uniqueStream();
      const idempotency = { key: uniqueKey(), fingerprint: 'f1' };
      const results = await Promise.all(
        Array.from({ length: 10 }, () => store().append(stream, [newEvent('ItemAdded', {})], { idempotency })),
      );
      expect(results.filter((r) => r.outcome === 'appended')).toHaveLength(1);
      expect(new Set(results.map((r) => r.events[0]?.id)).size).toBe(1);
      expect(await store().readStream(stream)).toHaveLength(1);
    });
  });

  describe('idempotent commands', () => {
    const run = (streamName: string, command: BasketCommand, key: string) =>
      handleCommand({ store: store(), streamName, decider: basketDecider, command, metadata, idempotency: { key } });

    it('returns the first result for a command sent twice, even though deciding again would now fail', async () => {
      const stream = uniqueStream();
      const key = uniqueKey();
      const first = await run(stream, { type: 'OpenBasket', owner: 'ada' }, key);
      const again = await run(stream, { type: 'OpenBasket', owner: 'ada' }, key);
      expect(first.replayed).toBe(false);
      expect(again).toEqual({ ...first, replayed: true });
      expect(await store().readStream(stream)).toHaveLength(1);
      await expect(run(stream, { type: 'OpenBasket', owner: 'ada' }, uniqueKey())).rejects.toMatchObject({
        code: 'BASKET.ALREADY_OPEN',
      });
    });

    it('rejects the same key with a different command', async () => {
      const stream = uniqueStream();
      const key = uniqueKey();
      await run(stream, { type: 'OpenBasket', owner: 'ada' }, key);
      await expect(run(stream, { type: 'AddItem', item: 'pen' }, key)).rejects.toMatchObject({
        code: 'EVENT_STORE.IDEMPOTENCY_KEY_REUSED',
      });
      expect(await store().readStream(stream)).toHaveLength(1);
    });

    it('lands a keyed command once when it is sent many times at once', async () => {
      const stream = uniqueStream();
      await run(stream, { type: 'OpenBasket', owner: 'ada' }, uniqueKey());
      const key = uniqueKey();
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          handleCommand({
            ...{ store: store(), streamName: stream, decider: basketDecider, metadata, maxAttempts: 20 },
            ...{ command: { type: 'AddItem', item: 'pen' } as const, idempotency: { key } },
          }),
        ),
      );
      expect(await store().readStream(stream)).toHaveLength(2);
      expect(new Set(results.map((r) => r.events[0]?.id)).size).toBe(1);
    });
  });
}
