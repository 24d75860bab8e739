import type { AppendOutcome, AppendRequest } from './postgres-append-batch';
import { PostgresAppendBatcher } from './postgres-append-batcher';

const request = (streamId: string, size = 100): AppendRequest => ({
  streamId,
  expectedRevision: 'any',
  idempotency: undefined,
  events: [],
  serialized: [],
  size,
});

const appended: AppendOutcome = { status: 'appended', streamRevision: 0, firstPosition: 1 };

/** An execute that records each batch's streams and answers after a tick, failing batches holding `poison`. */
function fakeDatabase(poison?: string) {
  const batches: string[][] = [];
  const execute = async (requests: readonly AppendRequest[]): Promise<AppendOutcome[]> => {
    batches.push(requests.map((r) => r.streamId));
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (poison !== undefined && requests.some((r) => r.streamId === poison)) throw new Error(`bad ${poison}`);
    return requests.map(() => appended);
  };
  return { batches, execute };
}

describe('PostgreSQL append batcher', () => {
  it('writes appends that arrive while a batch is in flight together, in arrival order', async () => {
    const db = fakeDatabase();
    const batcher = new PostgresAppendBatcher(db.execute, { maxRequests: 100, maxBytes: 1 << 20 });
    const first = batcher.submit(request('a-1'));
    const rest = ['a-2', 'a-3', 'a-4'].map((s) => batcher.submit(request(s)));
    await Promise.all([first, ...rest]);
    expect(db.batches).toEqual([['a-1'], ['a-2', 'a-3', 'a-4']]);
  });

  it('keeps batches within the request and byte limits', async () => {
    const db = fakeDatabase();
    const batcher = new PostgresAppendBatcher(db.execute, { maxRequests: 2, maxBytes: 250 });
    await Promise.all(['a-1', 'a-2', 'a-3', 'a-4', 'a-5', 'a-6'].map((s) => batcher.submit(request(s))));
    expect(db.batches.every((batch) => batch.length <= 2)).toBe(true);
    expect(db.batches.flat()).toEqual(['a-1', 'a-2', 'a-3', 'a-4', 'a-5', 'a-6']);
  });

  it('fails only the append that broke a batch, after retrying the others one by one', async () => {
    const db = fakeDatabase('a-3');
    const batcher = new PostgresAppendBatcher(db.execute, { maxRequests: 100, maxBytes: 1 << 20 });
    const results = await Promise.allSettled(['a-1', 'a-2', 'a-3', 'a-4'].map((s) => batcher.submit(request(s))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(results[2]).toMatchObject({ reason: new Error('bad a-3') });
  });

  it('starts again for appends submitted after it went idle', async () => {
    const db = fakeDatabase();
    const batcher = new PostgresAppendBatcher(db.execute, { maxRequests: 100, maxBytes: 1 << 20 });
    await batcher.submit(request('a-1'));
    await batcher.idle();
    await expect(batcher.submit(request('a-2'))).resolves.toEqual(appended);
  });
});
