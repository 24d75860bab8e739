import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/coded-error';
import type { Decider } from '../../domain/decider';
import type { EventMetadata, NewEvent, RecordedEvent } from '../../domain/event-envelope';
import { streamCategory } from '../../domain/stream-name';
import type { UpcasterRegistry } from '../../domain/upcaster-registry';
import { uuidv7 } from '../../ids/uuid-v7';
import type { EventStore, Subscription } from '../event-store.port';

/** Opens a fresh store for one test; the contract closes it afterwards. */
export type MakeEventStore = (options?: { readonly upcasters?: UpcasterRegistry }) => Promise<EventStore>;

export const metadata: EventMetadata = {
  actorId: 'user-1',
  actorKind: 'user',
  teamId: 'team-1',
  correlationId: 'correlation-1',
  causationId: 'request-1',
  sourceIp: '203.0.113.7',
  userAgent: 'contract-suite/1.0',
};

export function newEvent(type: string, data: unknown, overrides: Partial<NewEvent> = {}): NewEvent {
  return { id: uuidv7(), type, data, metadata, ...overrides };
}

export const baskets = streamCategory('basket');

/** A stream no other test uses, so the suite also runs against a shared server. */
export const uniqueStream = (): string => baskets.streamName(randomUUID());

/** Registers a fresh store per test and returns its accessor. */
export function useStore(makeStore: MakeEventStore): () => EventStore {
  let store: EventStore | undefined;
  beforeEach(async () => {
    store = await makeStore();
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
  return () => {
    if (store === undefined) throw new Error('the store is opened in beforeEach');
    return store;
  };
}

/** The position of the last event in the store now: events appended later come after it. */
export async function endOfLog(store: EventStore): Promise<number | undefined> {
  let checkpoint: number | undefined;
  for (;;) {
    const page = await store.readAll({ after: checkpoint, maxCount: 1000 });
    checkpoint = page.checkpoint;
    if (page.isEnd) return checkpoint;
  }
}

/** Every event after `after` in the given streams, read page by page. */
export async function readAllOf(
  store: EventStore,
  streams: ReadonlySet<string>,
  after?: number,
  pageSize = 100,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let checkpoint = after;
  for (;;) {
    const page = await store.readAll({ after: checkpoint, maxCount: pageSize });
    events.push(...page.events.filter((event) => streams.has(event.streamId)));
    checkpoint = page.checkpoint;
    if (page.isEnd) return events;
  }
}

export async function waitFor(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Subscribes and keeps the events of the given streams, and the checkpoint of the last one handled. */
export function collect(
  store: EventStore,
  streams: ReadonlySet<string>,
  after?: number,
): { events: RecordedEvent[]; subscription: Subscription; checkpoint: () => number | undefined } {
  const events: RecordedEvent[] = [];
  let checkpoint = after;
  const subscription = store.subscribeToAll({
    after,
    onEvent: (event) => {
      if (streams.has(event.streamId)) events.push(event);
      checkpoint = event.globalPosition;
    },
  });
  return { events, subscription, checkpoint: () => checkpoint };
}

// A small aggregate for the command handler: a basket is opened once, then items are added.
export type BasketCommand = { type: 'OpenBasket'; owner: string } | { type: 'AddItem'; item: string };
export type BasketEvent =
  { type: 'BasketOpened'; data: { owner: string } } | { type: 'ItemAdded'; data: { item: string } };
export type BasketState = { status: 'none' } | { status: 'open'; owner: string; items: readonly string[] };

export const basketDecider: Decider<BasketCommand, BasketEvent, BasketState> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    if (command.type === 'OpenBasket') {
      if (state.status === 'open') throw new DomainError('BASKET.ALREADY_OPEN', 'The basket is already open');
      return [{ type: 'BasketOpened', data: { owner: command.owner } }];
    }
    if (state.status !== 'open') throw new DomainError('BASKET.NOT_OPEN', 'Open the basket first');
    return [{ type: 'ItemAdded', data: { item: command.item } }];
  },
  evolve(state, event) {
    if (event.type === 'BasketOpened') return { status: 'open', owner: event.data.owner, items: [] };
    if (state.status !== 'open') return state;
    return { ...state, items: [...state.items, event.data.item] };
  },
};
