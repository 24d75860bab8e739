import { type EventStore, type RecordedEvent, uuidv7 } from '@portal/event-sourcing';
import { domainEventsTopic } from '@portal/messaging';
import { defineReadModel, type ReadModelStore } from '@portal/read-models';
import type { Projection } from './projection/projection';

/** Test data for the pipeline: ledgers receiving numbered entries, and a projection of them. */
export const DOMAINS = { ledger: 'ledgers' };
export const LEDGER_TOPIC = domainEventsTopic('ledgers');

export interface EntryDoc {
  readonly ledger: string;
  readonly n: number;
}

export interface LedgerDoc {
  readonly entries: number;
  readonly total: number;
}

export const entriesModel = defineReadModel<EntryDoc>({
  name: 'pipeline_entries',
  indexes: [{ fields: { ledger: 1 } }],
});
export const ledgersModel = defineReadModel<LedgerDoc>({ name: 'pipeline_ledgers', indexes: [] });

const metadata = {
  actorId: 'user-1',
  actorKind: 'user' as const,
  teamId: null,
  correlationId: 'c-1',
  causationId: null,
  sourceIp: null,
  userAgent: null,
};

/** Appends `count` entries spread over `ledgers` streams; entry numbers start at `from`. */
export async function appendEntries(store: EventStore, count: number, ledgers = 5, from = 1): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const n = from + i;
    const event = { id: uuidv7(), type: 'EntryRecorded', data: { n, amount: n % 7 }, metadata };
    await store.append(`ledger-${n % ledgers}`, [event]);
  }
}

/**
 * One document per entry, and per ledger a count and a total kept by increments: an event
 * applied twice would show in them, were the version guard to let it through.
 */
export const ledgerProjection: Projection = {
  name: 'ledgers',
  topics: [LEDGER_TOPIC],
  readModels: [entriesModel, ledgersModel],
  async apply(event: RecordedEvent, store: ReadModelStore): Promise<void> {
    if (event.type !== 'EntryRecorded') return;
    const { n, amount } = event.data as { n: number; amount: number };
    const version = event.globalPosition;
    await (await store.collection(entriesModel)).upsert(String(n), { ledger: event.streamId, n }, { version });
    const ledgers = await store.collection(ledgersModel);
    const outcome = await ledgers.patch(event.streamId, { $inc: { entries: 1, total: amount } }, { version });
    if (outcome === 'missing') await ledgers.upsert(event.streamId, { entries: 1, total: amount }, { version });
  },
};

/** Polls until `check` holds, or fails after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
