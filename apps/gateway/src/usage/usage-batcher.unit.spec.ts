import { decodeUsageRecords } from '@portal/contracts';
import type { OutgoingMessage } from '@portal/messaging';
import type { CachedKey } from '../key-cache/cached-key';
import type { CallEnd, PartnerCall } from './usage-batch';
import { UsageBatcher } from './usage-batcher';

const keyOf = (keyId: string): CachedKey =>
  ({ keyId, teamId: 'team-1', environment: 'production' }) as unknown as CachedKey;

/** The n-th call of a test: on key `key-(n mod 3)` unless given another key id (null: no known key). */
function call(n: number, keyId: string | null = `key-${n % 3}`): [PartnerCall, CallEnd] {
  return [
    {
      requestId: `req-${n}`,
      outcome: keyId === null ? 'unauthenticated' : 'forwarded',
      key: keyId === null ? null : keyOf(keyId),
    },
    {
      method: 'GET',
      url: '/v1/x',
      sourceIp: '127.0.0.1',
      status: keyId === null ? 401 : 200,
      latencyMs: 1,
      endedAt: 1_767_225_600_001,
    },
  ];
}

const idsIn = (messages: readonly OutgoingMessage[]): string[] =>
  messages.flatMap((message) => decodeUsageRecords(message.value)?.records.map((r) => r.requestId) ?? []);

function batcherWith(
  publish: (messages: readonly OutgoingMessage[]) => Promise<void>,
  options: { bufferLimit?: number; batchBytes?: number } = {},
) {
  return new UsageBatcher({
    publish,
    flushMs: 200,
    batchSize: 500,
    batchBytes: options.batchBytes ?? 1_000_000,
    bufferLimit: options.bufferLimit ?? 10_000,
  });
}

describe('UsageBatcher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('publishes after the flush interval, one message per key id holding its records in order', async () => {
    const batches: (readonly OutgoingMessage[])[] = [];
    const batcher = batcherWith((messages) => Promise.resolve(void batches.push(messages)));
    batcher.add(...call(1));
    batcher.add(...call(2, null));
    batcher.add(...call(4));

    await jest.advanceTimersByTimeAsync(199);
    expect(batches).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);

    expect(batches).toHaveLength(1);
    expect(batches[0]?.map((message) => message.key)).toEqual(['key-1', 'unknown']);
    expect(batches[0]?.map((message) => idsIn([message]))).toEqual([['req-1', 'req-4'], ['req-2']]);
    expect(decodeUsageRecords(batches[0]?.[0]?.value ?? '')?.records[0]).toEqual({
      version: 1,
      requestId: 'req-1',
      keyId: 'key-1',
      teamId: 'team-1',
      environment: 'production',
      at: '2026-01-01T00:00:00.000Z',
      method: 'GET',
      route: '/v1/x',
      status: 200,
      latencyMs: 1,
      sourceIp: '127.0.0.1',
      outcome: 'forwarded',
    });
  });

  it('publishes a full batch at once, without waiting for the interval or taking the next one along', async () => {
    const sizes: number[] = [];
    const batcher = batcherWith((messages) => Promise.resolve(void sizes.push(idsIn(messages).length)));
    for (let n = 0; n < 1_200; n += 1) batcher.add(...call(n));

    await jest.advanceTimersByTimeAsync(0);
    expect(sizes).toEqual([500, 500]);
    expect(batcher.buffered).toBe(200);

    await jest.advanceTimersByTimeAsync(200);
    expect(sizes).toEqual([500, 500, 200]);
    expect(batcher.published).toBe(1_200);
  });

  it('closes a batch once its messages would be too large, whatever its number of records', async () => {
    const sizes: number[] = [];
    const batcher = batcherWith((messages) => Promise.resolve(void sizes.push(idsIn(messages).length)), {
      batchBytes: 1_000,
    });
    // Each record is counted at 64 bytes and its strings': about 90 bytes here, so 12 fill a batch.
    for (let n = 0; n < 30; n += 1) batcher.add(...call(n, 'key-x'));

    await jest.advanceTimersByTimeAsync(200);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(30);
    expect(Math.max(...sizes)).toBeLessThan(30);
    expect(sizes.slice(0, 2)).toEqual([sizes[0], sizes[0]]);
  });

  it('keeps records the bus refused and publishes them, in order, once it accepts again', async () => {
    let down = true;
    const published: string[] = [];
    const batcher = batcherWith((messages) => {
      if (down) return Promise.reject(new Error('bus down'));
      published.push(...idsIn(messages));
      return Promise.resolve();
    });
    batcher.add(...call(1));
    batcher.add(...call(2));
    await jest.advanceTimersByTimeAsync(200);
    expect(batcher.buffered).toBe(2);

    down = false;
    batcher.add(...call(3));
    await jest.advanceTimersByTimeAsync(200);

    expect(published).toEqual(['req-1', 'req-2', 'req-3']);
    expect(batcher.dropped).toBe(0);
    expect(batcher.buffered).toBe(0);
  });

  it('drops and counts records beyond its bound while the bus is down', async () => {
    const batcher = batcherWith(() => Promise.reject(new Error('bus down')), { bufferLimit: 3 });
    for (let n = 0; n < 5; n += 1) batcher.add(...call(n));
    await jest.advanceTimersByTimeAsync(1_000);

    expect(batcher.buffered).toBe(3);
    expect(batcher.dropped).toBe(2);
  });

  it('publishes everything left on close', async () => {
    const published: string[] = [];
    const batcher = batcherWith((messages) => Promise.resolve(void published.push(...idsIn(messages))));
    batcher.add(...call(1));

    await batcher.close(1_000);

    expect(published).toEqual(['req-1']);
    expect(batcher.buffered).toBe(0);
  });

  it('counts what it could not publish before closing gave up as dropped', async () => {
    const batcher = batcherWith(() => Promise.reject(new Error('bus down')));
    batcher.add(...call(1));
    batcher.add(...call(2));

    const closed = batcher.close(100);
    await jest.advanceTimersByTimeAsync(200);
    await closed;

    expect(batcher.buffered).toBe(0);
    expect(batcher.dropped).toBe(2);
  });
});
