import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import type { ProcessGuard } from './process-guard';

export interface ProcessSpec {
  /** Short name used in messages, e.g. "kafka" or "initdb". */
  name: string;
  command: string;
  args: string[];
  /** File that receives the process's standard output and error. */
  logFile: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Run as this user and group (PostgreSQL refuses to run as root). */
  uid?: number;
  gid?: number;
  /** Signal that asks for a graceful shutdown; SIGTERM by default. */
  stopSignal?: NodeJS.Signals;
  /** Signal sent when this process (the parent) goes away abruptly; SIGKILL by default. */
  emergencySignal?: NodeJS.Signals;
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

const KILL_AFTER_MS = 5000;

/** A child process whose output goes to a log file and which the guard kills if we die. */
export class ManagedProcess {
  readonly exited: Promise<ProcessExit>;
  private exit: ProcessExit | undefined;

  private constructor(
    readonly spec: ProcessSpec,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise<ProcessExit>((resolve) => {
      child.once('error', (error) => resolve({ code: null, signal: null, error }));
      child.once('exit', (code, signal) => resolve({ code, signal }));
    }).then((exit) => (this.exit = exit));
  }

  static start(spec: ProcessSpec, guard: ProcessGuard): ManagedProcess {
    const log = openSync(spec.logFile, 'a');
    try {
      const child = spawn(spec.command, spec.args, {
        cwd: spec.cwd,
        env: spec.env ?? process.env,
        stdio: ['ignore', log, log],
        ...(spec.uid === undefined ? {} : { uid: spec.uid }),
        ...(spec.gid === undefined ? {} : { gid: spec.gid }),
      });
      const managed = new ManagedProcess(spec, child);
      if (child.pid !== undefined) {
        const pid = child.pid;
        guard.track(pid, spec.emergencySignal ?? 'SIGKILL');
        void managed.exited.then(() => guard.untrack(pid));
      }
      return managed;
    } finally {
      closeSync(log);
    }
  }

  get hasExited(): boolean {
    return this.exit !== undefined;
  }

  /** "kafka exited with code 1" once it has exited, otherwise undefined. */
  exitDescription(): string | undefined {
    const exit = this.exit;
    if (exit === undefined) return undefined;
    if (exit.error) return `${this.spec.name} could not run: ${exit.error.message}`;
    const how = exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
    return `${this.spec.name} exited with ${how}`;
  }

  /** Asks the process to stop, and kills it if it is still running after a few seconds. */
  async stop(killAfterMs = KILL_AFTER_MS): Promise<void> {
    if (this.hasExited) return;
    this.child.kill(this.spec.stopSignal ?? 'SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), killAfterMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** Kills the process at once (SIGKILL, no chance to clean up) and waits until it is gone. */
  async kill(): Promise<void> {
    if (this.hasExited) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}
