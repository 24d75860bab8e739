import autocannon from 'autocannon';
import { Pool } from 'undici';
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

/**
 * Sends `rate` requests a second for `seconds` on a fixed schedule (open loop: a slow answer
 * does not delay the next request), over a keep-alive pool, and times each answer with
 * sub-millisecond precision (autocannon rounds latencies to whole milliseconds). Every answer
 * must be 2xx.
 */
export async function pacedLoad(options: Required<Omit<LoadOptions, 'connections'>>): Promise<LoadFigures> {
  const url = new URL(options.url);
  const pool = new Pool(url.origin, { connections: 64 });
  const latencies: number[] = [];
  const total = Math.round(options.rate * options.seconds);
  const failures: string[] = [];
  const started = performance.now();
  const pending: Promise<void>[] = [];
  try {
    for (let n = 0; n < total; n += 1) {
      const due = started + (n * 1000) / options.rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(
        (async () => {
          const sent = performance.now();
          const answer = await pool.request({ path: url.pathname, method: 'GET', headers: options.headers });
          await answer.body.dump();
          if (answer.statusCode < 200 || answer.statusCode > 299) failures.push(String(answer.statusCode));
          latencies.push(performance.now() - sent);
        })(),
      );
    }
    await Promise.all(pending);
  } finally {
    await pool.close();
  }
  if (failures.length > 0) throw new Error(`paced load on ${options.url}: ${failures.length} answers not 2xx`);
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}
