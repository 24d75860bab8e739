import { ServerUnavailable } from '../server-unavailable';
import { ManagedProcess, type ProcessSpec } from './managed-process';
import type { ProcessGuard } from './process-guard';

/**
 * Starts a long-running server process and waits until `ready` resolves. If it does not,
 * the process is stopped and ServerUnavailable names its log.
 */
export async function startUntilReady(
  spec: ProcessSpec,
  guard: ProcessGuard,
  ready: (server: ManagedProcess) => Promise<void>,
): Promise<ManagedProcess> {
  const server = ManagedProcess.start(spec, guard);
  try {
    await ready(server);
    return server;
  } catch (error) {
    await server.stop();
    const reason = `${spec.name} did not become ready: ${(error as Error).message}`;
    throw new ServerUnavailable(`${reason} (log: ${spec.logFile})`, { logFile: spec.logFile });
  }
}
