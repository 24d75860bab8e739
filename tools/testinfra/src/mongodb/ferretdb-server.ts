import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mongo } from 'mongoose';
import { Client } from 'pg';
import { cacheDir } from '../cache-dir';
import { freePort } from '../free-port';
import { ProcessGuard } from '../process/process-guard';
import { startUntilReady } from '../process/start-until-ready';
import { waitUntil } from '../process/wait-until';
import type { ServerContext } from '../server-context';
import type { RunningServer } from '../types';
import { ferretdbBinary } from './ferretdb-build';

const DATABASE = 'portal_test';
const READY_TIMEOUT_MS = 30_000;

/** True once the server answers a MongoDB `ping`. */
async function answersPing(url: string): Promise<boolean> {
  const client = new mongo.MongoClient(url, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } finally {
    await client.close();
  }
}

async function withClient(url: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** The server URL with another database: `postgres://u@h:p/db` -> `postgres://u@h:p/<database>`. */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.href;
}

type Storage = { readonly sqliteDir: string } | { readonly postgresUrl: string };

/** Runs the FerretDB binary on a free port until it answers a ping; resolves to its port and stop. */
async function runFerretdb(binary: string, storage: Storage, workDir: string, guard: ProcessGuard) {
  const port = await freePort();
  const backend =
    'sqliteDir' in storage
      ? ['--handler=sqlite', `--sqlite-url=file:${storage.sqliteDir}/`]
      : ['--handler=postgresql', `--postgresql-url=${storage.postgresUrl}`];
  const server = await startUntilReady(
    {
      name: 'sqliteDir' in storage ? 'ferretdb' : 'ferretdb (postgresql backend)',
      command: binary,
      args: [
        ...backend,
        `--listen-addr=127.0.0.1:${port}`,
        `--state-dir=${workDir}`,
        '--debug-addr=-',
        '--telemetry=disable',
        '--log-level=error',
      ],
      logFile: join(workDir, 'ferretdb.log'),
    },
    guard,
    (process) =>
      waitUntil(() => answersPing(`mongodb://127.0.0.1:${port}/`), {
        what: 'a ping to succeed',
        timeoutMs: READY_TIMEOUT_MS,
        abortReason: () => process.exitDescription(),
      }),
  );
  return { port, stop: () => server.stop() };
}

/*
 * FerretDB 1.24 stores each collection as a table of one jsonb column, `_jsonb`, with a unique
 * btree index on `_jsonb->'_id'`, the `_id_` index. It finds documents (for find, and before
 * every update, replace and delete) by pushing `_id` equality down as jsonb containment,
 * `_jsonb->'_id' @> '"<id>"'`, which a btree index cannot serve: every lookup by `_id` reads the
 * whole table, ~0.5 ms per 1,000 documents, where MongoDB looks `_id` up in its index. A GIN
 * index on the same expression serves containment. This event trigger gives every table
 * FerretDB creates in its database such an index, as a DBA would add one; FerretDB itself and
 * what it answers are unchanged.
 */
const ID_CONTAINMENT_INDEX = `
CREATE FUNCTION ferretdb_id_containment_index() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE created record;
BEGIN
  FOR created IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE TABLE' LOOP
    IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = created.objid AND attname = '_jsonb') THEN
      EXECUTE format('CREATE INDEX ON %s USING gin ((_jsonb->''_id'') jsonb_path_ops)', created.objid::regclass);
    END IF;
  END LOOP;
END $$;
CREATE EVENT TRIGGER ferretdb_id_containment_index ON ddl_command_end WHEN TAG IN ('CREATE TABLE')
  EXECUTE FUNCTION ferretdb_id_containment_index();
`;

/** Creates a database of its own on the PostgreSQL server; answers its URL and how to drop it. */
async function ownDatabase(serverUrl: string) {
  const database = `ferretdb_${randomBytes(4).toString('hex')}`;
  await withClient(serverUrl, async (client) => {
    await client.query(`CREATE DATABASE ${database}`);
    // MongoDB acknowledges a write (w:1) before its journal reaches the disk, which it flushes
    // every 100 ms; the same here, rather than a WAL flush per document write. Read models can
    // be rebuilt from the event log; the event store's own database keeps synchronous commits.
    await client.query(`ALTER DATABASE ${database} SET synchronous_commit = off`);
  });
  await withClient(withDatabase(serverUrl, database), (client) => client.query(ID_CONTAINMENT_INDEX));
  const drop = () =>
    withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  return { url: withDatabase(serverUrl, database), drop };
}

/**
 * The shared FerretDB (MongoDB wire protocol) of the test run, on 127.0.0.1 and a free port,
 * storing in SQLite files. Every lookup by `_id` reads the whole collection there (~30 µs per
 * stored document), but this backend keeps what MongoDB keeps: strings with NUL characters,
 * and E11000 for every unique-index violation. Suites that need speed on large collections
 * (the pipeline's fault tests and benchmark) start their own on PostgreSQL instead.
 */
export async function startFerretdb(context: ServerContext): Promise<RunningServer> {
  const binary = await ferretdbBinary(context);
  const sqliteDir = join(context.workDir, 'data');
  mkdirSync(sqliteDir);
  const { port, stop } = await runFerretdb(binary, { sqliteDir }, context.workDir, context.guard);
  return { env: { MONGODB_URI: `mongodb://127.0.0.1:${port}/${DATABASE}` }, stop };
}

/** A FerretDB of the caller's own, storing in a fresh database of a PostgreSQL server. */
export interface FerretdbOnPostgres {
  /** `mongodb://127.0.0.1:<port>/`, without a database: name one per use. */
  readonly uri: string;
  /** Stops FerretDB, drops its PostgreSQL database and removes its folder. */
  stop(): Promise<void>;
}

/**
 * Starts a FerretDB of its own on a new database of the PostgreSQL server, with the index
 * that serves its `_id` lookups (above): a version-guarded write then costs about the same at
 * 10,000 documents as at 100. PostgreSQL refuses NUL characters in strings, which MongoDB
 * and the SQLite backend keep.
 */
export async function startFerretdbOnPostgres(
  databaseUrl: string,
  log: (line: string) => void,
): Promise<FerretdbOnPostgres> {
  const workDir = mkdtempSync(join(tmpdir(), 'portal-ferretdb-pg-'));
  const guard = new ProcessGuard(workDir, log);
  const cleanUp = (): void => {
    guard.dispose();
    rmSync(workDir, { recursive: true, force: true, maxRetries: 5 });
  };
  try {
    const binary = await ferretdbBinary({ cacheDir: cacheDir(), workDir, guard, log });
    const database = await ownDatabase(databaseUrl);
    try {
      const { port, stop } = await runFerretdb(binary, { postgresUrl: database.url }, workDir, guard);
      const stopAll = async (): Promise<void> => {
        try {
          await stop();
          await database.drop();
        } finally {
          cleanUp();
        }
      };
      let stopped: Promise<void> | undefined;
      return { uri: `mongodb://127.0.0.1:${port}/`, stop: () => (stopped ??= stopAll()) };
    } catch (error) {
      await database.drop();
      throw error;
    }
  } catch (error) {
    cleanUp();
    throw error;
  }
}
