import { decodeUsageRecords, MAX_USAGE_RECORDS_PER_MESSAGE, type UsageRecord } from '@portal/contracts';
import type { OutgoingMessage } from '@portal/messaging';
import { UsageBatcher, usageMessagesOf } from './usage-batcher';

const record = (n: number, keyId: string | null = `key-${n % 3}`): UsageRecord => ({
  version: 1,
  requestId: `req-${n}`,
  keyId,
  teamId: keyId === null ? null : 'team-1',
  environment: keyId === null ? null : 'production',
  at: '2026-01-01T00:00:00.000Z',
  method: 'GET',
  route: '/v1/x',
  status: 200,
  latencyMs: 1,
  sourceIp: '127.0.0.1',
  outcome: 'forwarded',
});

function batcherWith(publish: (messages: readonly OutgoingMessage[]) => Promise<void>, bufferLimit = 10_000) {
  return new UsageBatcher({ publish, flushMs: 200, batchSize: 500, bufferLimit });
}

describe('UsageBatcher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('publishes after the flush interval, one message per key id holding its records in order', async () => {
    const batches: (readonly OutgoingMessage[])[] = [];
    const batcher = batcherWith((messages) => Promise.resolve(void batches.push(messages)));
    batcher.add(record(1));
    batcher.add(record(2, null));
    batcher.add(record(4));

    await jest.advanceTimersByTimeAsync(199);
    expect(batches).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);

    expect(batches).toHaveLength(1);
    expect(batches[0]?.map((message) => message.key)).toEqual(['key-1', 'unknown']);
    const ids = batches[0]?.map((message) => decodeUsageRecords(message.value)?.records.map((r) => r.requestId));
    expect(ids).toEqual([['req-1', 'req-4'], ['req-2']]);
  });

  it("splits a key's records into messages of at most MAX_USAGE_RECORDS_PER_MESSAGE", () => {
    const many = Array.from({ length: MAX_USAGE_RECORDS_PER_MESSAGE + 1 }, (_, n) => record(n, 'key-x'));
    const messages = usageMessagesOf(many);
    expect(messages.map((message) => decodeUsageRecords(message.value)?.records.length)).toEqual([
      MAX_USAGE_RECORDS_PER_MESSAGE,
      1,
    ]);
    expect(messages.every((message) => message.key === 'key-x')).toBe(true);
  });

  it('publishes at once when a batch is full, in batches of at most batchSize', async () => {
    const sizes: number[] = [];
    const recordsIn = (messages: readonly OutgoingMessage[]) =>
      messages.reduce((sum, message) => sum + (decodeUsageRecords(message.value)?.records.length ?? 0), 0);
    const batcher = batcherWith((messages) => Promise.resolve(void sizes.push(recordsIn(messages))));
    for (let n = 0; n < 1_200; n += 1) batcher.add(record(n));

    await jest.advanceTimersByTimeAsync(0);

    expect(sizes.slice(0, 2)).toEqual([500, 500]);
    await jest.advanceTimersByTimeAsync(200);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(1_200);
    expect(batcher.published).toBe(1_200);
  });

  it('keeps records the bus refused and publishes them, in order, once it accepts again', async () => {
    let down = true;
    const published: string[] = [];
    const batcher = batcherWith((messages) => {
      if (down) return Promise.reject(new Error('bus down'));
      published.push(...messages.map((message) => String(message.value)));
      return Promise.resolve();
    });
    batcher.add(record(1));
    batcher.add(record(2));
    await jest.advanceTimersByTimeAsync(200);
    expect(batcher.buffered).toBe(2);

    down = false;
    batcher.add(record(3));
    await jest.advanceTimersByTimeAsync(200);

    const ids = published.flatMap((value) => decodeUsageRecords(value)?.records.map((r) => r.requestId) ?? []);
    expect(ids.sort()).toEqual(['req-1', 'req-2', 'req-3']);
    expect(batcher.dropped).toBe(0);
  });

  it('drops and counts records beyond its bound while the bus is down', async () => {
    const batcher = batcherWith(() => Promise.reject(new Error('bus down')), 3);
    for (let n = 0; n < 5; n += 1) batcher.add(record(n));
    await jest.advanceTimersByTimeAsync(1_000);

    expect(batcher.buffered).toBe(3);
    expect(batcher.dropped).toBe(2);
  });

  it('publishes everything left on close', async () => {
    const published: number[] = [];
    const batcher = batcherWith((messages) => Promise.resolve(void published.push(messages.length)));
    batcher.add(record(1));

    await batcher.close(1_000);

    expect(published).toEqual([1]);
    expect(batcher.buffered).toBe(0);
  });
});
