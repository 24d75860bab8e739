import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { uuidv7 } from '@portal/event-sourcing';
import { PostgresEventStore } from '@portal/event-sourcing/postgres';
import { benchData, benchEvent, benchMetadata } from './bench-payload';
import { progress, timedRun, type RunFigures } from './timing';

const POOL_SIZE = 10;

/** The raw baseline: a table with the events table's columns and indexes, written by plain INSERTs. */
const rawTable = (schema: string): string => `
CREATE TABLE ${schema}.raw_events (
  global_position bigserial PRIMARY KEY,
  event_id uuid NOT NULL UNIQUE,
  stream_id text NOT NULL,
  stream_revision bigint NOT NULL,
  event_type text NOT NULL,
  schema_version integer NOT NULL,
  data json NOT NULL,
  metadata json NOT NULL,
  recorded_at timestamptz NOT NULL,
  UNIQUE (stream_id, stream_revision)
)`;

export interface PostgresBench {
  readonly durability: string;
  adapterAppends(durationMs: number, concurrency: number): Promise<RunFigures>;
  rawInserts(durationMs: number, concurrency: number): Promise<RunFigures>;
  close(): Promise<void>;
}

/** One schema for the run, dropped at the end; both sides use a pool of the same size. */
export async function openPostgresBench(url: string): Promise<PostgresBench> {
  const schema = `bench_eventstore_${randomBytes(4).toString('hex')}`;
  const store = await PostgresEventStore.open({ connectionString: url, schema, poolSize: POOL_SIZE });
  const pool = new Pool({ connectionString: url, max: POOL_SIZE });
  // An idle connection dropped by the server is replaced by the pool; the next query reports lasting trouble.
  let closing = false;
  pool.on('error', (error) => {
    if (!closing) progress(`raw INSERT pool: ${error.message}`);
  });
  await pool.query(rawTable(schema));
  const settings = await pool.query<{ name: string; setting: string }>(
    `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method') ORDER BY name`,
  );
  let run = 0;
  return {
    durability: settings.rows.map((row) => `${row.name}=${row.setting}`).join(' '),
    async adapterAppends(durationMs, concurrency) {
      run += 1;
      const revisions: number[] = [];
      return timedRun(durationMs, concurrency, async (worker, n) => {
        const expectedRevision = revisions[worker] ?? 'no_stream';
        await store.append(`apikey-r${run}w${worker}`, [benchEvent(n)], { expectedRevision });
        revisions[worker] = n;
      });
    },
    async rawInserts(durationMs, concurrency) {
      run += 1;
      return timedRun(durationMs, concurrency, (worker, n) =>
        pool.query(
          `INSERT INTO ${schema}.raw_events
             (event_id, stream_id, stream_revision, event_type, schema_version, data, metadata, recorded_at)
           VALUES ($1, $2, $3, 'ApiKeyCreated', 1, $4, $5, $6)`,
          [
            uuidv7(),
            `apikey-r${run}w${worker}`,
            n,
            JSON.stringify({ ...benchData, n }),
            JSON.stringify(benchMetadata),
            new Date().toISOString(),
          ],
        ),
      );
    },
    async close() {
      closing = true;
      await store.close();
      await pool.query(`DROP SCHEMA ${schema} CASCADE`);
      await pool.end();
    },
  };
}
