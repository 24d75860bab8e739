import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServerUnavailable } from '../server-unavailable';
import { findExecutable } from '../process/find-executable';
import { runCommand } from '../process/run-command';
import type { ServerContext } from '../server-context';

export const FERRETDB_VERSION = 'v1.24.2';
const MODULE = 'github.com/FerretDB/FerretDB';
export const MONGODB_HOW_TO =
  'set MONGODB_URI=mongodb://host:port/db, or install Go 1.22+ (FerretDB is built from source once)';

/** True when the binary runs and reports the expected version. */
function isUsable(binary: string): boolean {
  if (!existsSync(binary)) return false;
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes(`version: ${FERRETDB_VERSION}`);
}

/** The module cache spells upper-case letters as '!' plus the lower-case letter. */
function moduleCacheDir(gopath: string): string {
  const escaped = MODULE.replace(/[A-Z]/g, (letter) => `!${letter.toLowerCase()}`);
  return join(gopath, 'pkg', 'mod', `${escaped}@${FERRETDB_VERSION}`);
}

function goEnvironment(cacheDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GOPATH: join(cacheDir, 'go'),
    GOCACHE: join(cacheDir, 'go-build'),
    GOFLAGS: '-modcacherw',
    CGO_ENABLED: '0',
  };
}

/**
 * The FerretDB binary, built into <cache>/bin on first use. A plain `go install …@version`
 * gives a binary that panics at start (its build/version/version.txt is generated and not
 * part of the published module), so the module's source is copied, the file written, and
 * the command built from there.
 */
export async function ferretdbBinary(context: ServerContext): Promise<string> {
  const binary = join(context.cacheDir, 'bin', 'ferretdb');
  if (isUsable(binary)) return binary;
  const go = findExecutable('go', ['/usr/local/go/bin']);
  if (go === undefined) {
    throw new ServerUnavailable(`FerretDB ${FERRETDB_VERSION} is not built and there is no go on PATH`, {
      howTo: MONGODB_HOW_TO,
    });
  }
  context.log(`mongodb: building FerretDB ${FERRETDB_VERSION} with Go (first run only, a few minutes)`);
  const env = goEnvironment(context.cacheDir);
  const logFile = join(context.workDir, 'go-build.log');
  const run = (name: string, args: string[], cwd: string): Promise<void> =>
    runCommand({ name, command: go, args, cwd, env, logFile }, context.guard);
  await run('go mod download', ['mod', 'download', `${MODULE}@${FERRETDB_VERSION}`], context.workDir);
  const source = join(context.workDir, 'ferretdb-source');
  cpSync(moduleCacheDir(env.GOPATH ?? ''), source, { recursive: true });
  chmodSync(join(source, 'build', 'version'), 0o755);
  writeFileSync(join(source, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
  await run('go build ferretdb', ['build', '-trimpath', '-o', binary, './cmd/ferretdb'], source);
  if (!isUsable(binary)) {
    throw new ServerUnavailable(`the FerretDB built at ${binary} does not report ${FERRETDB_VERSION}`, {
      howTo: MONGODB_HOW_TO,
    });
  }
  return binary;
}
