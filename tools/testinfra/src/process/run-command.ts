import { ServerUnavailable } from '../server-unavailable';
import { ManagedProcess, type ProcessSpec } from './managed-process';
import type { ProcessGuard } from './process-guard';

/**
 * Runs a command to completion, its output appended to `spec.logFile`. A command that
 * does not exit with 0 raises ServerUnavailable naming the log.
 */
export async function runCommand(spec: ProcessSpec, guard: ProcessGuard): Promise<void> {
  const child = ManagedProcess.start(spec, guard);
  const exit = await child.exited;
  if (exit.code === 0) return;
  const failure = child.exitDescription() ?? `${spec.name} failed`;
  throw new ServerUnavailable(`${failure} (log: ${spec.logFile})`, { logFile: spec.logFile });
}
