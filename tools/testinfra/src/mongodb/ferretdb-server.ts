import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { mongo } from 'mongoose';
import { freePort } from '../free-port';
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

/** FerretDB (MongoDB wire protocol) on 127.0.0.1 and a free port, storing in SQLite files. */
export async function startFerretdb(context: ServerContext): Promise<RunningServer> {
  const binary = await ferretdbBinary(context);
  const dataDir = join(context.workDir, 'data');
  mkdirSync(dataDir);
  const port = await freePort();
  const server = await startUntilReady(
    {
      name: 'ferretdb',
      command: binary,
      args: [
        '--handler=sqlite',
        `--sqlite-url=file:${dataDir}/`,
        `--listen-addr=127.0.0.1:${port}`,
        `--state-dir=${dataDir}`,
        '--debug-addr=-',
        '--telemetry=disable',
        '--log-level=error',
      ],
      logFile: join(context.workDir, 'ferretdb.log'),
    },
    context.guard,
    (process) =>
      waitUntil(() => answersPing(`mongodb://127.0.0.1:${port}/`), {
        what: 'a ping to succeed',
        timeoutMs: READY_TIMEOUT_MS,
        abortReason: () => process.exitDescription(),
      }),
  );
  return { env: { MONGODB_URI: `mongodb://127.0.0.1:${port}/${DATABASE}` }, stop: () => server.stop() };
}
