import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ServerUnavailable } from '../server-unavailable';
import { findExecutable, isRoot } from '../process/find-executable';
import { runCommand } from '../process/run-command';
import type { ServerContext } from '../server-context';

/** Where the Debian packages put each major version: /usr/lib/postgresql/<major>/bin. */
const DEBIAN_ROOT = '/usr/lib/postgresql';
const MIN_MAJOR = 15;
const HOW_TO = 'set DATABASE_URL=postgres://user@host:port/db, or install PostgreSQL 15+ (apt-get install postgresql)';

/** The bin folder of the newest installed PostgreSQL 15+, if any. */
export function findPostgresBin(): string | undefined {
  if (!existsSync(DEBIAN_ROOT)) return undefined;
  return readdirSync(DEBIAN_ROOT)
    .map(Number)
    .filter((major) => Number.isInteger(major) && major >= MIN_MAJOR)
    .sort((a, b) => b - a)
    .map((major) => join(DEBIAN_ROOT, String(major), 'bin'))
    .find((bin) => existsSync(join(bin, 'postgres')) && existsSync(join(bin, 'initdb')));
}

/** The PostgreSQL bin folder, installed with apt-get first when we are root and may. */
export async function ensurePostgresBin(context: ServerContext): Promise<string> {
  const found = findPostgresBin();
  if (found !== undefined) return found;
  if (!isRoot() || findExecutable('apt-get') === undefined) {
    throw new ServerUnavailable(`no PostgreSQL ${MIN_MAJOR}+ under ${DEBIAN_ROOT}`, { howTo: HOW_TO });
  }
  context.log('postgres: installing PostgreSQL with apt-get (once per machine)');
  await runCommand(
    {
      name: 'apt-get install postgresql',
      command: '/bin/sh',
      args: ['-c', 'apt-get update -qq && apt-get install -y -qq postgresql'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      logFile: join(context.workDir, 'apt-get.log'),
    },
    context.guard,
  );
  const installed = findPostgresBin();
  if (installed === undefined) {
    throw new ServerUnavailable(`apt-get installed no PostgreSQL ${MIN_MAJOR}+ under ${DEBIAN_ROOT}`, {
      howTo: HOW_TO,
    });
  }
  return installed;
}

export const POSTGRES_HOW_TO = HOW_TO;
