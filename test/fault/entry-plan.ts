import type { EventStore } from '@portal/event-sourcing';
import { entryEvent, entryStream } from '../../bench/pipeline/entry-events';

/**
 * The fault tests' 10,000 events: 200 streams of 50 `EntryRecorded` events, entry n being
 * event (n - 1) % 50 of stream entry-⌊(n - 1) / 50⌋. They are appended in 10 rounds of 5
 * events per stream, a round every ROUND_INTERVAL_MS: the first half before the fault, the
 * second half while the fault lasts.
 */
export const STREAMS = 200;
export const EVENTS_PER_STREAM = 50;
export const TOTAL_ENTRIES = STREAMS * EVENTS_PER_STREAM;
const EVENTS_PER_APPEND = 5;
export const ROUNDS = EVENTS_PER_STREAM / EVENTS_PER_APPEND;
const ROUND_INTERVAL_MS = 1_000;
const CONCURRENT_APPENDS = 20;

/** Where entry n must end up: its stream and revision. */
export function placeOf(n: number): { readonly streamId: string; readonly streamRevision: number } {
  return {
    streamId: entryStream(Math.floor((n - 1) / EVENTS_PER_STREAM)),
    streamRevision: (n - 1) % EVENTS_PER_STREAM,
  };
}

/** One round: 5 events on each stream, each append at its exact expected revision. */
async function appendRound(store: EventStore, round: number): Promise<void> {
  const pending = Array.from({ length: STREAMS }, (_, k) => k);
  const worker = async (): Promise<void> => {
    for (let k = pending.shift(); k !== undefined; k = pending.shift()) {
      const first = k * EVENTS_PER_STREAM + round * EVENTS_PER_APPEND + 1;
      const events = Array.from({ length: EVENTS_PER_APPEND }, (_, i) => entryEvent(first + i));
      const expectedRevision = round === 0 ? 'no_stream' : round * EVENTS_PER_APPEND - 1;
      await store.append(entryStream(k), events, { expectedRevision });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_APPENDS }, worker));
}

/** Appends rounds `from` to `to` (exclusive), one every ROUND_INTERVAL_MS; resolves when the last is stored. */
export async function appendRounds(store: EventStore, from: number, to: number): Promise<void> {
  const started = Date.now();
  for (let round = from; round < to; round += 1) {
    const due = started + (round - from) * ROUND_INTERVAL_MS;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
    await appendRound(store, round);
  }
}
