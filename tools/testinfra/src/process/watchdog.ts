import { spawn, type ChildProcess } from 'node:child_process';
import { Socket } from 'node:net';
import { WATCHDOG_SCRIPT } from './watchdog-script';

type WatchdogMessage =
  | { op: 'track'; pid: number; signal: NodeJS.Signals }
  | { op: 'untrack'; pid: number }
  | { op: 'dir'; path: string }
  | { op: 'release' };

/**
 * Cleans up after us even when we are killed with SIGKILL, which no handler can catch:
 * the watchdog notices that its standard input (a pipe from us) has closed.
 */
export class Watchdog {
  private readonly child: ChildProcess;

  /** `onLost` hears of the watchdog failing, which leaves only the in-process handlers. */
  constructor(runDir: string, onLost: (error: Error) => void) {
    this.child = spawn(process.execPath, ['-e', WATCHDOG_SCRIPT], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    this.child.on('error', onLost);
    this.child.stdin?.on('error', onLost);
    this.child.unref();
    if (this.child.stdin instanceof Socket) this.child.stdin.unref();
    this.send({ op: 'dir', path: runDir });
  }

  track(pid: number, signal: NodeJS.Signals): void {
    this.send({ op: 'track', pid, signal });
  }

  untrack(pid: number): void {
    this.send({ op: 'untrack', pid });
  }

  /** Tells the watchdog that we cleaned up ourselves, and lets it exit. */
  release(): void {
    this.send({ op: 'release' });
    this.child.stdin?.end();
  }

  private send(message: WatchdogMessage): void {
    const stdin = this.child.stdin;
    if (stdin && stdin.writable) stdin.write(`${JSON.stringify(message)}\n`);
  }
}
