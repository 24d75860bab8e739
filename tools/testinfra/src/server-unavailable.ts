import { logTail } from './process/log-file';

/**
 * Raised by a server starter when the server cannot run here. The message is the one-line
 * reason shown to the user; `howTo` overrides the server's default advice, and `logFile`
 * names the log whose tail explains the failure.
 */
export class ServerUnavailable extends Error {
  readonly howTo: string | undefined;
  readonly logFile: string | undefined;

  constructor(reason: string, details: { howTo?: string; logFile?: string } = {}) {
    super(reason);
    this.name = 'ServerUnavailable';
    this.howTo = details.howTo;
    this.logFile = details.logFile;
  }
}

/** Passes the tail of the log that a ServerUnavailable names to `log`, indented. */
export function logFailureTail(error: unknown, log: (line: string) => void): void {
  if (error instanceof ServerUnavailable && error.logFile) {
    logTail(error.logFile).forEach((line) => log(`  | ${line}`));
  }
}
