import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pacedLoad } from '../../bench/gateway/load';

/** A local server answering every call with `status`, counting the calls it received. */
async function countingServer(status: number): Promise<{ server: Server; url: string; received: () => number }> {
  let received = 0;
  const server = createServer((request, response) => {
    received += 1;
    request.resume();
    response.writeHead(status, { 'content-type': 'text/plain' });
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/v1/bench`, received: () => received };
}

const close = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

describe('pacedLoad (the gateway bench latency client)', () => {
  it('sends every call of the schedule once and times each answer', async () => {
    const { server, url, received } = await countingServer(200);
    try {
      const figures = await pacedLoad({ url, headers: { 'x-probe': '1' }, rate: 200, seconds: 1 });
      expect(received()).toBe(200);
      // Open loop on a fixed schedule: about the rate asked for, never far above it.
      expect(figures.requestsPerSecond).toBeGreaterThan(120);
      expect(figures.requestsPerSecond).toBeLessThanOrEqual(205);
      expect(figures.p50Ms).toBeGreaterThan(0);
      expect(figures.p99Ms).toBeGreaterThanOrEqual(figures.p50Ms);
    } finally {
      await close(server);
    }
  });

  it('refuses a run in which an answer was not 2xx', async () => {
    const { server, url } = await countingServer(503);
    try {
      await expect(pacedLoad({ url, headers: {}, rate: 100, seconds: 0.2 })).rejects.toThrow('20 answers not 2xx');
    } finally {
      await close(server);
    }
  });

  it('refuses a run in which a call failed', async () => {
    const { server, url } = await countingServer(200);
    await close(server);
    await expect(pacedLoad({ url, headers: {}, rate: 100, seconds: 0.1 })).rejects.toThrow(
      /paced load on .*ECONNREFUSED/,
    );
  });
});
