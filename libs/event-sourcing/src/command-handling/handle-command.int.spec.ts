import { SqliteEventStore } from '../embedded/sqlite-event-store';
import {
  basketDecider,
  metadata,
  uniqueStream,
  type BasketCommand,
} from '../event-store/contract/contract-fixtures.contract';
import type { EventStore } from '../event-store/event-store.port';
import { handleCommand } from './handle-command';

describe('handleCommand', () => {
  let store: EventStore;
  beforeEach(() => {
    store = SqliteEventStore.open({ path: ':memory:' });
  });
  afterEach(() => store.close());

  const run = (streamName: string, command: BasketCommand, extra: { clock?: () => Date; key?: string } = {}) =>
    handleCommand({
      store,
      streamName,
      decider: basketDecider,
      command,
      metadata,
      ...(extra.clock ? { clock: extra.clock } : {}),
      ...(extra.key ? { idempotency: { key: extra.key } } : {}),
    });

  it('loads, decides and appends with the expected revision, returning the events and the new state', async () => {
    const stream = uniqueStream();
    await run(stream, { type: 'OpenBasket', owner: 'ada' });
    const result = await run(stream, { type: 'AddItem', item: 'pen' });
    expect(result).toMatchObject({
      replayed: false,
      streamRevision: 1,
      state: { status: 'open', owner: 'ada', items: ['pen'] },
      events: [{ type: 'ItemAdded', data: { item: 'pen' }, streamRevision: 1, metadata }],
    });
    expect(await store.readStream(stream)).toEqual([expect.anything(), result.events[0]]);
  });

  it('makes event ids (UUID v7) and the recorded time from its clock, not the decider', async () => {
    const at = new Date('2042-03-04T05:06:07.890Z');
    const { events } = await run(uniqueStream(), { type: 'OpenBasket', owner: 'ada' }, { clock: () => at });
    expect(events[0]?.recordedAt).toBe('2042-03-04T05:06:07.890Z');
    expect(parseInt(events[0]?.id.replace(/-/g, '').slice(0, 12) ?? '', 16)).toBe(at.getTime());
    expect(events[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });

  it('lets a domain error through and appends nothing', async () => {
    const stream = uniqueStream();
    await expect(run(stream, { type: 'AddItem', item: 'pen' })).rejects.toMatchObject({ code: 'BASKET.NOT_OPEN' });
    expect(await store.readStream(stream)).toEqual([]);
  });

  it('appends nothing when the decider decides nothing', async () => {
    const decider = { ...basketDecider, decide: () => [] };
    const stream = uniqueStream();
    const result = await handleCommand({
      store,
      streamName: stream,
      decider,
      command: { type: 'AddItem', item: 'x' },
      metadata,
    });
    expect(result).toEqual({ events: [], state: { status: 'none' }, streamRevision: null, replayed: false });
    expect(await store.readStream(stream)).toEqual([]);
  });

  it('remembers a keyed command that decided nothing, and replays it', async () => {
    const decider = { ...basketDecider, decide: () => [] };
    const stream = uniqueStream();
    const command = { type: 'AddItem', item: 'x' } as const;
    const options = { store, streamName: stream, decider, command, metadata, idempotency: { key: 'k-empty' } };
    await expect(handleCommand(options)).resolves.toMatchObject({ replayed: false, events: [] });
    await expect(handleCommand(options)).resolves.toMatchObject({ replayed: true, events: [] });
  });

  it('fingerprints the payload it is given instead of the command, when given one', async () => {
    const stream = uniqueStream();
    const send = (owner: string, body: unknown) =>
      handleCommand({
        ...{ store, streamName: stream, decider: basketDecider, metadata },
        ...{ command: { type: 'OpenBasket', owner } as const, idempotency: { key: 'k-body', payload: body } },
      });
    const first = await send('ada', { owner: 'ada' });
    await expect(send('ada (retried at another time)', { owner: 'ada' })).resolves.toEqual({
      ...first,
      replayed: true,
    });
    await expect(send('ada', { owner: 'bob' })).rejects.toMatchObject({ code: 'EVENT_STORE.IDEMPOTENCY_KEY_REUSED' });
  });
});
