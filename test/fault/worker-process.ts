import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { workerEnvironment, type WorkerSettings } from '../../bench/pipeline/worker-settings';
import { repoRoot } from '../support/service-process';

const WORKER_SCRIPT = path.join(repoRoot, 'dist', 'bench', 'pipeline', 'pipeline-worker.js');
const STOP_GRACE_MS = 10_000;

/** What a worker reported last: `applied=<events> stale=<writes>`. */
export interface WorkerTally {
  readonly applied: number;
  readonly stale: number;
}

/**
 * The projection worker (bench/pipeline/pipeline-worker.ts, built) as a child process of
 * the test, its output kept for the failure message.
 */
export class WorkerProcess {
  output = '';
  tally: WorkerTally = { applied: 0, stale: 0 };
  readonly ready: Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;

  constructor(settings: WorkerSettings) {
    this.child = spawn(process.execPath, [WORKER_SCRIPT], {
      cwd: repoRoot,
      env: { ...process.env, ...workerEnvironment(settings) },
      // Its standard input stays open while this process lives: the worker stops when it closes.
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    this.ready = new Promise((resolve, reject) => {
      this.child.stdout?.on('data', (chunk: Buffer) => {
        this.read(chunk.toString());
        if (this.output.includes('ready\n')) resolve();
      });
      void this.exited.then(({ code, signal }) =>
        reject(new Error(`the worker exited (${signal ?? code}) before it was ready:\n${this.output.slice(-3000)}`)),
      );
    });
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  /** SIGKILL: no chance to stop its consumer, commit or write its checkpoint. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, then SIGKILL if it has not exited after a grace period. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }

  private read(text: string): void {
    this.output += text;
    const last = [...text.matchAll(/applied=(\d+) stale=(\d+)/g)].at(-1);
    if (last) this.tally = { applied: Number(last[1]), stale: Number(last[2]) };
  }
}
