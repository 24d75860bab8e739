import type { ProcessGuard } from './process/process-guard';

/** What a server starter receives. */
export interface ServerContext {
  /** Downloads and builds kept between runs. */
  cacheDir: string;
  /** This server's own runtime folder (logs, data), removed on stop. */
  workDir: string;
  guard: ProcessGuard;
  log: (line: string) => void;
}
