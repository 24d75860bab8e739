import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GATEWAY_HEADERS } from '../proxy/upstream-request';

/** Which of the two worlds answered: Production keys reach `live`, Development keys `sandbox`. */
export type DemoWorld = 'live' | 'sandbox';

/** What the demo upstream answers to every call: enough to see where a call went and how it arrived. */
export interface DemoAnswer {
  readonly upstream: DemoWorld;
  readonly method: string;
  readonly path: string;
  /** The query string with its `?`, or '' */
  readonly query: string;
  readonly keyId: string | null;
  readonly teamId: string | null;
  readonly requestId: string | null;
  /** Bytes of request body received. */
  readonly bodyBytes: number;
  readonly headers: IncomingMessage['headers'];
}

export interface DemoUpstream {
  readonly live: URL;
  readonly sandbox: URL;
  close(): Promise<void>;
}

const header = (request: IncomingMessage, name: string): string | null => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : null;
};

function answer(world: DemoWorld, request: IncomingMessage, response: ServerResponse, bodyBytes: number): void {
  const url = request.url ?? '/';
  const queryAt = url.indexOf('?');
  const body: DemoAnswer = {
    upstream: world,
    method: request.method ?? 'GET',
    path: queryAt < 0 ? url : url.slice(0, queryAt),
    query: queryAt < 0 ? '' : url.slice(queryAt),
    keyId: header(request, GATEWAY_HEADERS.keyId),
    teamId: header(request, GATEWAY_HEADERS.teamId),
    requestId: header(request, GATEWAY_HEADERS.requestId),
    bodyBytes,
    headers: request.headers,
  };
  const json = JSON.stringify(body);
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  response.end(json);
}

async function listen(world: DemoWorld): Promise<{ server: Server; url: URL }> {
  const server = createServer((request, response) => {
    let bodyBytes = 0;
    request.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
    request.on('end', () => answer(world, request, response, bodyBytes));
  });
  // Longer than a client pool keeps idle connections, so the server never closes one under it.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: new URL(`http://127.0.0.1:${port}/`) };
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Starts the built-in demo upstream: two small HTTP servers on 127.0.0.1 ephemeral ports, the
 * live and the sandbox API, each answering every call with a DemoAnswer in JSON. The gateway
 * uses it when UPSTREAM_URL or UPSTREAM_SANDBOX_URL is unset; benchmarks and tests may start
 * it on their own.
 */
export async function startDemoUpstream(): Promise<DemoUpstream> {
  const live = await listen('live');
  const sandbox = await listen('sandbox').catch(async (error: unknown) => {
    await close(live.server);
    throw error;
  });
  return {
    live: live.url,
    sandbox: sandbox.url,
    close: async () => {
      await Promise.all([close(live.server), close(sandbox.server)]);
    },
  };
}
