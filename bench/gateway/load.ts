import autocannon from 'autocannon';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type Dispatcher, Pool } from 'undici';
import { percentile } from '../eventstore/timing';

/** What one load run measured. */
export interface LoadFigures {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface LoadOptions {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly seconds: number;
  readonly connections: number;
  /** Requests per second across all connections; unset: as fast as the server answers. */
  readonly rate?: number;
}

/**
 * Runs autocannon against `url`. A run in which any answer was not 2xx, or any connection
 * failed, is refused: a proxy answering errors fast must not pass for a fast proxy.
 */
export async function load(options: LoadOptions): Promise<LoadFigures> {
  const result = await autocannon({
    url: options.url,
    headers: options.headers,
    duration: options.seconds,
    connections: options.connections,
    ...(options.rate === undefined ? {} : { overallRate: options.rate }),
  });
  if (result.non2xx > 0 || result.errors > 0 || result['2xx'] === 0) {
    throw new Error(
      `load on ${options.url}: ${result['2xx']} answers 2xx, ${result.non2xx} others, ${result.errors} connection errors`,
    );
  }
  return {
    requestsPerSecond: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

/** V8's full collection, for the client's own heap (see pacedLoad). */
function clientCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

let collectClientGarbage: (() => void) | undefined;

/** What the calls of one paced run came to, as they settle. */
class PacedTally {
  /** The 2xx answers' latencies, in ms, in the order they ended. */
  private readonly latencies: Float64Array;
  private answered = 0;
  private settled = 0;
  notOk = 0;
  failure: Error | null = null;
  readonly allSettled: Promise<void>;
  private resolveAll: () => void = () => undefined;

  constructor(private readonly total: number) {
    this.latencies = new Float64Array(total);
    this.allSettled =
      total === 0
        ? Promise.resolve()
        : new Promise((resolve) => {
            this.resolveAll = resolve;
          });
  }

  answer(status: number, latencyMs: number): void {
    if (status < 200 || status > 299) this.notOk += 1;
    else this.latencies[this.answered++] = latencyMs;
    this.settle();
  }

  fail(error: Error): void {
    this.failure ??= error;
    this.settle();
  }

  sortedLatencies(): number[] {
    return Array.from(this.latencies.subarray(0, this.answered)).sort((a, b) => a - b);
  }

  private settle(): void {
    this.settled += 1;
    if (this.settled === this.total) this.resolveAll();
  }
}

/** Times one paced call: from its dispatch to the end of its answer's body, which is read and dropped. */
class TimedCall implements Dispatcher.DispatchHandler {
  private status = 0;

  constructor(
    private readonly sentAt: number,
    private readonly tally: PacedTally,
  ) {}

  onRequestStart(): void {
    // Nothing to keep: a paced call is never aborted.
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number): void {
    this.status = statusCode;
  }

  onResponseData(): void {
    // The body is dropped: only when it ends counts.
  }

  onResponseEnd(): void {
    this.tally.answer(this.status, performance.now() - this.sentAt);
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.tally.fail(error);
  }
}

/**
 * Sends `rate` requests a second for `seconds` on a fixed schedule (open loop: a slow answer
 * does not delay the next request), over a keep-alive pool, and times each answer with
 * sub-millisecond precision (autocannon rounds latencies to whole milliseconds). Every answer
 * must be 2xx.
 *
 * The client is itself a process on the measured machine, and its pauses show in every
 * latency it takes: calls answered while it is paused are timed late, and the calls that fell
 * due meanwhile go out at once, in a burst. So it keeps next to nothing alive per call: no
 * promise or answer stream per call (undici's `request` made both), the latencies in one array
 * made up front. When it kept each call's promise until the round ended, its young-generation
 * collections took 5 ms on average and up to 30 ms: 10 to 47 ms of pauses in each 6-second
 * round, against 1 to 3 ms now. And it collects its own old generation before the schedule
 * begins, so that a full collection of its heap (22 ms was seen) does not fall inside a run.
 */
export async function pacedLoad(options: Required<Omit<LoadOptions, 'connections'>>): Promise<LoadFigures> {
  const url = new URL(options.url);
  const pool = new Pool(url.origin, { connections: 64 });
  const total = Math.round(options.rate * options.seconds);
  const tally = new PacedTally(total);
  collectClientGarbage ??= clientCollector();
  collectClientGarbage();
  const call = { path: url.pathname, method: 'GET' as const, headers: options.headers };
  const started = performance.now();
  try {
    for (let n = 0; n < total; n += 1) {
      const due = started + (n * 1000) / options.rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      pool.dispatch(call, new TimedCall(performance.now(), tally));
    }
    await tally.allSettled;
  } finally {
    await pool.close();
  }
  if (tally.failure !== null) throw new Error(`paced load on ${options.url}: ${tally.failure.message}`);
  if (tally.notOk > 0) throw new Error(`paced load on ${options.url}: ${tally.notOk} answers not 2xx`);
  const seconds = (performance.now() - started) / 1000;
  const sorted = tally.sortedLatencies();
  return {
    requestsPerSecond: sorted.length / seconds,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
  };
}
