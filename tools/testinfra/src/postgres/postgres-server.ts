import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../free-port';
import { runCommand } from '../process/run-command';
import { startUntilReady } from '../process/start-until-ready';
import { waitUntil } from '../process/wait-until';
import type { ServerContext } from '../server-context';
import type { RunningServer } from '../types';
import { ensurePostgresBin } from './postgres-binaries';
import { giveTo, postgresAccount, type PostgresAccount } from './postgres-user';

const DATABASE = 'portal_test';
const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 10_000;

async function query(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function answers(url: string): Promise<boolean> {
  await query(url, 'SELECT 1');
  return true;
}

function asAccount(account: PostgresAccount): { uid?: number; gid?: number } {
  return account.uid === undefined ? {} : { uid: account.uid, gid: account.gid };
}

/**
 * A throwaway PostgreSQL cluster in the runtime folder, on 127.0.0.1 and a free port, with
 * trust authentication and the server's default (durable) settings.
 */
export async function startPostgres(context: ServerContext): Promise<RunningServer> {
  const bin = await ensurePostgresBin(context);
  const account = postgresAccount();
  giveTo(account, context.workDir);
  const dataDir = join(context.workDir, 'data');
  await runCommand(
    {
      name: 'initdb',
      command: join(bin, 'initdb'),
      args: ['-D', dataDir, '-U', account.name, '--auth=trust', '--encoding=UTF8', '--locale=C'],
      logFile: join(context.workDir, 'initdb.log'),
      ...asAccount(account),
    },
    context.guard,
  );
  const port = await freePort();
  const serverUrl = `postgres://${account.name}@127.0.0.1:${port}`;
  const server = await startUntilReady(
    {
      name: 'postgres',
      command: join(bin, 'postgres'),
      args: ['-D', dataDir, '-p', String(port), '-k', context.workDir, '-c', 'listen_addresses=127.0.0.1'],
      logFile: join(context.workDir, 'postgres.log'),
      stopSignal: 'SIGINT',
      emergencySignal: 'SIGQUIT',
      ...asAccount(account),
    },
    context.guard,
    async (process) => {
      await waitUntil(() => answers(`${serverUrl}/postgres`), {
        what: 'a connection to succeed',
        timeoutMs: READY_TIMEOUT_MS,
        abortReason: () => process.exitDescription(),
      });
      await query(`${serverUrl}/postgres`, `CREATE DATABASE ${DATABASE}`);
    },
  );
  return { env: { DATABASE_URL: `${serverUrl}/${DATABASE}` }, stop: () => server.stop(STOP_GRACE_MS) };
}
