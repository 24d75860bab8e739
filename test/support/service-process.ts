import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { httpSpec, infrastructureSpec } from '@portal/config';
import { repoRoot as findRepoRoot } from '@portal/platform';

/** The project's root, from the sources (Jest) or from dist/ (benchmarks). */
export const repoRoot = findRepoRoot(__dirname);

/**
 * The portal's configuration variables, as libs/config declares them. A started service sees
 * only those the test names: the server addresses the global setup exported are not passed
 * on unless asked for.
 */
const PORTAL_VARIABLES = Object.keys({ ...infrastructureSpec, ...httpSpec(0) });

function serviceEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = { ...process.env };
  for (const name of PORTAL_VARIABLES) delete inherited[name];
  return { ...inherited, ...env };
}

export interface Exited {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A process of the portal started by a test, its output captured. */
export class ServiceProcess {
  stdout = '';
  stderr = '';
  readonly exited: Promise<Exited>;
  private readonly child: ChildProcess;

  constructor(command: string, args: string[], env: Record<string, string>) {
    this.child = spawn(command, args, {
      cwd: repoRoot,
      env: serviceEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so that stopping it also stops what it started (npm's script).
      detached: true,
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code) => resolve({ code, stdout: this.stdout, stderr: this.stderr })),
    );
  }

  /** The process id (of npm, when started through npm). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Starts a built service, `node dist/apps/<app>/src/main.js`. */
  static built(app: string, env: Record<string, string>): ServiceProcess {
    return new ServiceProcess(process.execPath, [path.join(repoRoot, 'dist', 'apps', app, 'src', 'main.js')], env);
  }

  /** Polls `url` until it answers 200; rejects if the process exits or `timeoutMs` passes. */
  async waitUntilOk(url: string, timeoutMs: number): Promise<Response> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exited.then(() => (exited = true));
    while (Date.now() < deadline && !exited) {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
        if (response.status === 200) return response;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${url} did not answer 200 within ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`);
  }

  /** Stops the process group (SIGTERM, then SIGKILL after `graceMs`) and waits for its exit. */
  async stop(graceMs = 5_000): Promise<Exited> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.signalGroup('SIGTERM');
      const timer = setTimeout(() => this.signalGroup('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    this.signalGroup('SIGKILL');
    return this.exited;
  }

  private signalGroup(signal: NodeJS.Signals): void {
    try {
      if (this.child.pid !== undefined) process.kill(-this.child.pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
}
