import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteEventStore, type SqliteSynchronous } from '@portal/event-sourcing';
import { benchEvent } from './bench-payload';
import { median, timedRun, type RunFigures } from './timing';

/** A fresh embedded store in a temporary directory, removed by `dispose`. */
function temporaryStore(synchronous: SqliteSynchronous): { store: SqliteEventStore; dispose: () => Promise<void> } {
  const directory = mkdtempSync(join(tmpdir(), 'bench-eventstore-'));
  const store = SqliteEventStore.open({ path: join(directory, 'events.sqlite'), synchronous });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * Single-event appends, one after another (the embedded store runs in the service's own
 * process), each with the exact expected revision, over 100 streams.
 */
export async function embeddedAppends(durationMs: number, synchronous: SqliteSynchronous): Promise<RunFigures> {
  const { store, dispose } = temporaryStore(synchronous);
  const revisions = new Map<string, number>();
  try {
    return await timedRun(durationMs, 1, async (_worker, n) => {
      const stream = `apikey-bench-${n % 100}`;
      const revision = revisions.get(stream);
      await store.append(stream, [benchEvent(n)], { expectedRevision: revision ?? 'no_stream' });
      revisions.set(stream, (revision ?? -1) + 1);
    });
  } finally {
    await dispose();
  }
}

/** Reading one 1,000-event stream: the first read after opening, and the median of 20 more. */
export async function embeddedRead1000(): Promise<{ firstMs: number; medianMs: number }> {
  const { store, dispose } = temporaryStore('normal');
  try {
    for (let batch = 0; batch < 10; batch += 1) {
      const events = Array.from({ length: 100 }, (_, i) => benchEvent(batch * 100 + i));
      await store.append('apikey-read-1000', events);
    }
    const time = async (): Promise<number> => {
      const started = performance.now();
      const events = await store.readStream('apikey-read-1000');
      const elapsed = performance.now() - started;
      if (events.length !== 1000) throw new Error(`read ${events.length} events, expected 1000`);
      return elapsed;
    };
    const firstMs = await time();
    const runs: number[] = [];
    for (let i = 0; i < 20; i += 1) runs.push(await time());
    return { firstMs, medianMs: median(runs) };
  } finally {
    await dispose();
  }
}
