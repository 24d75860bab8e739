import { Watchdog } from './watchdog';

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/** The signal listeners of every live guard in this process, told apart from other listeners. */
const GUARD_LISTENERS = new Set<unknown>();

/**
 * Makes sure that the processes we started die with us: on process exit, on SIGINT/SIGTERM
 * when nobody else handles them, and (through the watchdog) when we are killed outright.
 * In every such case the watchdog removes the runtime directory once they are gone; before,
 * their last writes could race with the removal.
 */
export class ProcessGuard {
  private readonly tracked = new Map<number, NodeJS.Signals>();
  private readonly watchdog: Watchdog;
  private disposed = false;

  constructor(runDir: string, log: (line: string) => void) {
    this.watchdog = new Watchdog(runDir, (error) =>
      log(`the watchdog that cleans up after a killed test run failed: ${error.message}`),
    );
    process.on('exit', this.onExit);
    SIGNALS.forEach((signal) => process.on(signal, this.onSignal));
    GUARD_LISTENERS.add(this.onSignal);
  }

  track(pid: number, emergencySignal: NodeJS.Signals): void {
    this.tracked.set(pid, emergencySignal);
    this.watchdog.track(pid, emergencySignal);
  }

  untrack(pid: number): void {
    this.tracked.delete(pid);
    if (!this.disposed) this.watchdog.untrack(pid);
  }

  /** Called once everything was stopped in an orderly way. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.removeListeners();
    this.watchdog.release();
  }

  private removeListeners(): void {
    process.off('exit', this.onExit);
    SIGNALS.forEach((signal) => process.off(signal, this.onSignal));
    GUARD_LISTENERS.delete(this.onSignal);
  }

  private readonly onExit = (): void => {
    this.signalAll();
  };

  /**
   * Another listener (a CLI, a test runner) owns the shutdown when there is one; the exit
   * handler still covers us. Alone (other guards aside: each of them hears the signal too),
   * we clean up and die of the signal as we would have.
   */
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    if (process.listeners(signal).some((listener) => !GUARD_LISTENERS.has(listener))) return;
    this.signalAll();
    this.removeListeners();
    process.kill(process.pid, signal);
  };

  private signalAll(): void {
    for (const [pid, signal] of this.tracked) sendSignal(pid, signal);
  }
}

function sendSignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
