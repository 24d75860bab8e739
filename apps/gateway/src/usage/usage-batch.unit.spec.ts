import { decodeUsageRecords, MAX_USAGE_RECORDS_PER_MESSAGE, MAX_USAGE_ROUTE_LENGTH } from '@portal/contracts';
import type { CachedKey } from '../key-cache/cached-key';
import { type CallEnd, UsageBatch } from './usage-batch';

const key = { keyId: 'key-1', teamId: 'team-1', environment: 'development' } as unknown as CachedKey;

const end = (overrides: Partial<CallEnd> = {}): CallEnd => ({
  method: 'POST',
  url: '/v1/checks',
  sourceIp: '203.0.113.7',
  status: 201,
  latencyMs: 3.5004,
  endedAt: Date.parse('2026-11-26T12:00:00.010Z'),
  ...overrides,
});

describe('UsageBatch', () => {
  it('makes each call one record of its key, dated when the call arrived, without the query string', () => {
    const batch = new UsageBatch();
    batch.add({ requestId: 'r-1', outcome: 'forwarded', key }, end({ url: '/v1/checks?api_key=x&page=2' }));

    const [message] = batch.messages();
    expect(message?.key).toBe('key-1');
    expect(decodeUsageRecords(message?.value ?? '')).toEqual({
      records: [
        {
          version: 1,
          requestId: 'r-1',
          keyId: 'key-1',
          teamId: 'team-1',
          environment: 'development',
          at: '2026-11-26T12:00:00.006Z',
          method: 'POST',
          route: '/v1/checks',
          status: 201,
          latencyMs: 3.5,
          sourceIp: '203.0.113.7',
          outcome: 'forwarded',
        },
      ],
      invalid: 0,
    });
    expect(String(message?.value)).not.toContain('api_key');
  });

  it('cuts long routes and source addresses to what a record may hold', () => {
    const batch = new UsageBatch();
    batch.add(
      { requestId: 'r-1', outcome: 'unauthenticated', key: null },
      end({ url: `/v1/${'a'.repeat(600)}`, sourceIp: 'f'.repeat(80), status: 401 }),
    );

    const record = decodeUsageRecords(batch.messages()[0]?.value ?? '')?.records[0];
    expect(record?.route).toHaveLength(MAX_USAGE_ROUTE_LENGTH);
    expect(record?.sourceIp).toHaveLength(64);
    expect(record).toMatchObject({ keyId: null, teamId: null, environment: null, outcome: 'unauthenticated' });
  });

  it("splits a key's records into messages of at most MAX_USAGE_RECORDS_PER_MESSAGE, in order", () => {
    const batch = new UsageBatch();
    for (let n = 0; n <= MAX_USAGE_RECORDS_PER_MESSAGE; n += 1) {
      batch.add({ requestId: `r-${n}`, outcome: 'forwarded', key }, end());
    }

    const messages = batch.messages();
    const decoded = messages.map((message) => decodeUsageRecords(message.value)?.records ?? []);
    expect(decoded.map((records) => records.length)).toEqual([MAX_USAGE_RECORDS_PER_MESSAGE, 1]);
    expect(decoded.flat().map((record) => record.requestId)).toEqual(
      Array.from({ length: MAX_USAGE_RECORDS_PER_MESSAGE + 1 }, (_, n) => `r-${n}`),
    );
    expect(messages.every((message) => message.key === 'key-1')).toBe(true);
    expect(batch.size).toBe(MAX_USAGE_RECORDS_PER_MESSAGE + 1);
  });

  it('estimates its size on the high side', () => {
    const batch = new UsageBatch();
    for (let n = 0; n < 100; n += 1) {
      batch.add({ requestId: crypto.randomUUID(), outcome: 'forwarded', key }, end({ latencyMs: n / 7 }));
    }

    const bytes = batch.messages().reduce((sum, message) => sum + Buffer.byteLength(String(message.value)), 0);
    expect(batch.approximateBytes).toBeGreaterThanOrEqual(bytes);
    expect(batch.approximateBytes).toBeLessThan(bytes * 1.5);
  });
});
