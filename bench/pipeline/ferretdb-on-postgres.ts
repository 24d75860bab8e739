import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mongo } from 'mongoose';
import { Client } from 'pg';
import { freePort } from '@portal/testinfra';
import { cacheDir } from '../../tools/testinfra/src/cache-dir';
import { ferretdbBinary } from '../../tools/testinfra/src/mongodb/ferretdb-build';
import { ProcessGuard } from '../../tools/testinfra/src/process/process-guard';
import { startUntilReady } from '../../tools/testinfra/src/process/start-until-ready';
import { waitUntil } from '../../tools/testinfra/src/process/wait-until';

const READY_TIMEOUT_MS = 30_000;

/** A FerretDB of the caller's own, storing in a fresh database of a PostgreSQL server. */
export interface FerretDbOnPostgres {
  /** `mongodb://127.0.0.1:<port>/`, without a database: name one per test. */
  readonly uri: string;
  /** Stops FerretDB, drops its PostgreSQL database and removes its folder. */
  stop(): Promise<void>;
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

async function answersPing(uri: string): Promise<boolean> {
  const client = new mongo.MongoClient(uri, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } finally {
    await client.close();
  }
}

/** The server URL with another database: `postgres://u@h:p/db` -> `postgres://u@h:p/<database>`. */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.href;
}

/**
 * Starts FerretDB 1.24 (the testinfra build) with its PostgreSQL backend on a database of
 * its own. FerretDB 1.24 uses no index to find a document by `_id`: every version-guarded
 * write reads the whole collection. On the shared test FerretDB's SQLite backend that costs
 * about 30 µs per stored document (~300 ms a write at 10,000 documents); on this backend
 * about 0.5 µs (~6 ms).
 */
export async function startFerretDbOnPostgres(
  databaseUrl: string,
  log: (line: string) => void,
): Promise<FerretDbOnPostgres> {
  const database = `ferretdb_${randomBytes(4).toString('hex')}`;
  await withClient(databaseUrl, (client) => client.query(`CREATE DATABASE ${database}`));
  const workDir = mkdtempSync(join(tmpdir(), 'portal-ferretdb-pg-'));
  const guard = new ProcessGuard(workDir, log);
  const dropAll = async (): Promise<void> => {
    guard.dispose();
    rmSync(workDir, { recursive: true, force: true, maxRetries: 5 });
    await withClient(databaseUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  };
  try {
    const binary = await ferretdbBinary({ cacheDir: cacheDir(), workDir, guard, log });
    const port = await freePort();
    const uri = `mongodb://127.0.0.1:${port}/`;
    const server = await startUntilReady(
      {
        name: 'ferretdb (postgresql backend)',
        command: binary,
        args: [
          '--handler=postgresql',
          `--postgresql-url=${withDatabase(databaseUrl, database)}`,
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
        waitUntil(() => answersPing(uri), {
          what: 'a ping to succeed',
          timeoutMs: READY_TIMEOUT_MS,
          abortReason: () => process.exitDescription(),
        }),
    );
    let stopped: Promise<void> | undefined;
    return { uri, stop: () => (stopped ??= server.stop().then(dropAll)) };
  } catch (error) {
    await dropAll();
    throw error;
  }
}
