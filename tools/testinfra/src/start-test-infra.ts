import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDir } from './cache-dir';
import { ProcessGuard } from './process/process-guard';
import { logFailureTail, ServerUnavailable } from './server-unavailable';
import { ALL_SERVERS, SERVERS, type ServerDefinition } from './servers';
import type { MissingServer, RunningServer, StartTestInfraOptions, TestInfra } from './types';

type Outcome = { running: RunningServer } | { missing: MissingServer };

interface Shared {
  cacheDir: string;
  runDir: string;
  guard: ProcessGuard;
  log: (line: string) => void;
}

function userProvided(definition: ServerDefinition): RunningServer {
  const env: Record<string, string> = {};
  for (const name of [definition.envVar, ...definition.companions]) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  return { env, stop: () => Promise.resolve() };
}

async function provide(definition: ServerDefinition, shared: Shared): Promise<Outcome> {
  if (process.env[definition.envVar]) return { running: userProvided(definition) };
  const started = Date.now();
  const workDir = join(shared.runDir, definition.name);
  mkdirSync(workDir);
  try {
    const running = await definition.start({ ...shared, workDir });
    shared.log(`${definition.name}: ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { running };
  } catch (error) {
    return { missing: reportFailure(definition, error, shared.log) };
  }
}

function reportFailure(definition: ServerDefinition, error: unknown, log: (line: string) => void): MissingServer {
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  log(`${definition.name}: not available: ${reason}`);
  if (!(error instanceof ServerUnavailable)) log(error instanceof Error ? (error.stack ?? reason) : reason);
  logFailureTail(error, log);
  const howTo = error instanceof ServerUnavailable && error.howTo ? error.howTo : definition.howTo;
  return { server: definition.name, reason, howTo };
}

async function stopAll(running: RunningServer[], guard: ProcessGuard, runDir: string): Promise<void> {
  const results = await Promise.allSettled(running.map((server) => server.stop()));
  guard.dispose();
  rmSync(runDir, { recursive: true, force: true, maxRetries: 5 });
  const failures = results.flatMap((result): unknown[] => (result.status === 'rejected' ? [result.reason] : []));
  if (failures.length > 0) throw new AggregateError(failures, 'some test servers did not stop cleanly');
}

/**
 * Provides the servers the tests need: the ones the environment names are used as they are,
 * the others are started in parallel on 127.0.0.1 and free ports. A server that cannot be
 * started is listed in `missing`; the caller decides whether that fails the run.
 */
export async function startTestInfra(options: StartTestInfraOptions = {}): Promise<TestInfra> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const runDir = mkdtempSync(join(tmpdir(), 'portal-testinfra-'));
  // Servers running as another user (PostgreSQL, when we are root) must reach their folder.
  chmodSync(runDir, 0o711);
  const shared: Shared = { cacheDir: cacheDir(), runDir, guard: new ProcessGuard(runDir, log), log };
  const outcomes = await Promise.all((options.servers ?? ALL_SERVERS).map((name) => provide(SERVERS[name], shared)));
  const running = outcomes.flatMap((outcome) => ('running' in outcome ? [outcome.running] : []));
  let stopped: Promise<void> | undefined;
  return {
    env: Object.fromEntries(running.flatMap((server) => Object.entries(server.env))),
    missing: outcomes.flatMap((outcome) => ('missing' in outcome ? [outcome.missing] : [])),
    stop: () => (stopped ??= stopAll(running, shared.guard, runDir)),
  };
}
