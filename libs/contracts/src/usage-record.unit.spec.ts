import {
  decodeUsageRecord,
  decodeUsageRecords,
  encodeUsageRecords,
  MAX_USAGE_RECORDS_PER_MESSAGE,
  type UsageRecord,
} from './usage-record';

const record = (requestId: string): UsageRecord => ({
  version: 1,
  requestId,
  keyId: 'key-1',
  teamId: 'team-1',
  environment: 'development',
  at: '2026-11-26T12:00:00.000Z',
  method: 'POST',
  route: '/v1/checks',
  status: 201,
  latencyMs: 3.5,
  sourceIp: '203.0.113.7',
  outcome: 'forwarded',
});

describe('usage record messages', () => {
  it('round-trips a key’s records, in order', () => {
    const records = [record('a'), record('b')];
    expect(decodeUsageRecords(encodeUsageRecords(records))).toEqual({ records, invalid: 0 });
  });

  it('keeps the valid records of a message and counts the others', () => {
    const value = JSON.stringify([record('a'), { ...record('b'), status: 99 }, { ...record('c'), outcome: 'x' }, 7]);
    expect(decodeUsageRecords(value)).toEqual({ records: [record('a')], invalid: 3 });
  });

  it('refuses a message that is not a JSON array of at most the limit', () => {
    expect(decodeUsageRecords('not json')).toBeNull();
    expect(decodeUsageRecords(JSON.stringify(record('a')))).toBeNull();
    const tooMany = Array.from({ length: MAX_USAGE_RECORDS_PER_MESSAGE + 1 }, (_, n) => record(String(n)));
    expect(decodeUsageRecords(encodeUsageRecords(tooMany))).toBeNull();
  });

  it('checks each field of a record', () => {
    expect(decodeUsageRecord(JSON.stringify(record('a')))).toEqual(record('a'));
    expect(decodeUsageRecord(JSON.stringify({ ...record('a'), version: 2 }))).toBeNull();
    expect(decodeUsageRecord(JSON.stringify({ ...record('a'), at: 'yesterday' }))).toBeNull();
    expect(decodeUsageRecord(JSON.stringify({ ...record('a'), latencyMs: -1 }))).toBeNull();
    expect(decodeUsageRecord(JSON.stringify({ ...record('a'), route: 'x'.repeat(513) }))).toBeNull();
    expect(decodeUsageRecord(JSON.stringify([record('a')]))).toBeNull();
  });
});
