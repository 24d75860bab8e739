import {
  decodeUsageRecord,
  decodeUsageRecords,
  emptyUsageColumns,
  encodeUsageColumns,
  encodeUsageRecords,
  MAX_USAGE_RECORDS_PER_MESSAGE,
  type UsageColumns,
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

/** The records in columns, as the gateway writes them. */
function columnsOf(records: readonly UsageRecord[]): UsageColumns {
  const columns = emptyUsageColumns('key-1', 'team-1', 'development');
  for (const r of records) {
    columns.requestId.push(r.requestId);
    columns.at.push(Date.parse(r.at));
    columns.method.push(r.method);
    columns.route.push(r.route);
    columns.status.push(r.status);
    columns.latencyMs.push(r.latencyMs);
    columns.sourceIp.push(r.sourceIp);
    columns.outcome.push(r.outcome);
  }
  return columns;
}

describe('usage record messages in columns', () => {
  it('round-trips a key’s records, in order', () => {
    const records = [record('a'), record('b')];
    expect(decodeUsageRecords(encodeUsageColumns(columnsOf(records)))).toEqual({ records, invalid: 0 });
  });

  it('takes about a third of the bytes of the same records as an array', () => {
    const records = Array.from({ length: 100 }, (_, n) =>
      record(`0193a0b4-${String(n).padStart(4, '0')}-7000-8000-000000000000`),
    );
    const columns = encodeUsageColumns(columnsOf(records)).length;
    expect(columns).toBeLessThan(encodeUsageRecords(records).length * 0.45);
  });

  it('keeps the valid entries and counts the others', () => {
    const columns = columnsOf([record('a'), record('b'), record('c'), record('d')]);
    columns.status[1] = 99;
    (columns.outcome as string[])[2] = 'x';
    columns.at[3] = 1.5;
    expect(decodeUsageRecords(encodeUsageColumns(columns))).toEqual({ records: [record('a')], invalid: 3 });
  });

  it('checks the fields the records share', () => {
    const columns = { ...columnsOf([record('a')]), environment: 'staging' };
    expect(decodeUsageRecords(JSON.stringify(columns))).toEqual({ records: [], invalid: 1 });
  });

  it('refuses columns of different lengths, a missing column, another format, or more than the limit', () => {
    const columns = columnsOf([record('a'), record('b')]);
    expect(decodeUsageRecords(JSON.stringify({ ...columns, route: ['/v1/checks'] }))).toBeNull();
    expect(decodeUsageRecords(JSON.stringify({ ...columns, sourceIp: undefined }))).toBeNull();
    expect(decodeUsageRecords(JSON.stringify({ ...columns, format: 'rows' }))).toBeNull();
    const tooMany = columnsOf(Array.from({ length: MAX_USAGE_RECORDS_PER_MESSAGE + 1 }, (_, n) => record(String(n))));
    expect(decodeUsageRecords(encodeUsageColumns(tooMany))).toBeNull();
  });
});

describe('usage record messages as arrays (from earlier gateways)', () => {
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
