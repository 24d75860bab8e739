import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DemoUpstream, startDemoUpstream } from '../../apps/gateway/src/demo-upstream/demo-upstream';
import { decodeUsageRecords, type UsageRecord } from '@portal/contracts';
import { USAGE_REQUESTS_TOPIC } from '@portal/messaging';
import { GatewayTestApp } from './gateway-test-app';

/** A port nothing listens on: listened on once, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('upstreams named by UPSTREAM_URL and UPSTREAM_SANDBOX_URL', () => {
  let demo: DemoUpstream;
  let gateway: GatewayTestApp;

  beforeAll(async () => {
    demo = await startDemoUpstream();
    gateway = await GatewayTestApp.start(
      {},
      {
        UPSTREAM_URL: new URL('/live-base/', demo.live).href,
        UPSTREAM_SANDBOX_URL: new URL('/sandbox', demo.sandbox).href,
      },
    );
  });

  afterAll(async () => {
    await gateway.stop();
    await demo.close();
  });

  it("joins the call's path and query to the upstream URL's path", async () => {
    const live = await gateway.issueKey();
    const sandbox = await gateway.issueKey({ environment: 'development' });

    const toLive = await gateway.partner('/v1/items/7?page=2', live.secret);
    const toSandbox = await gateway.partner('/v1/items/7', sandbox.secret);

    expect(toLive.body).toMatchObject({ upstream: 'live', path: '/live-base/v1/items/7', query: '?page=2' });
    expect(toSandbox.body).toMatchObject({ upstream: 'sandbox', path: '/sandbox/v1/items/7' });
  });
});

describe('an upstream that fails', () => {
  let silent: Server;
  let gateway: GatewayTestApp;

  beforeAll(async () => {
    // Accepts calls and never answers them.
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const silentPort = (silent.address() as AddressInfo).port;
    gateway = await GatewayTestApp.start(
      { upstreamTimeoutMs: 300 },
      {
        UPSTREAM_URL: `http://127.0.0.1:${await closedPort()}/`,
        UPSTREAM_SANDBOX_URL: `http://127.0.0.1:${silentPort}/`,
      },
    );
  });

  afterAll(async () => {
    await gateway.stop();
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('answers 502 problem+json when the upstream cannot be reached', async () => {
    const key = await gateway.issueKey();

    const answer = await gateway.partner('/v1/ping', key.secret);

    expect(answer.status).toBe(502);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.body.code).toBe('GATEWAY.UPSTREAM_UNREACHABLE');
  });

  it('answers 504 problem+json when the upstream does not answer in time', async () => {
    const key = await gateway.issueKey({ environment: 'development' });

    const answer = await gateway.partner('/v1/ping', key.secret);

    expect(answer.status).toBe(504);
    expect(answer.body).toMatchObject({ code: 'GATEWAY.UPSTREAM_TIMEOUT', title: 'Gateway Timeout' });
  });
});

describe("relaying the upstream's answer", () => {
  const CHUNK = Buffer.alloc(64 * 1024, 'a');
  const CHUNKS = 80; // 5 MiB
  let upstream: Server;
  let gateway: GatewayTestApp;
  let port: number;
  /** Resolves when the upstream sees the gateway's connection for /v1/slow close. */
  let slowClosed: Promise<void>;

  beforeAll(async () => {
    let closed: () => void = () => undefined;
    slowClosed = new Promise((resolve) => (closed = resolve));
    upstream = createServer((request, response) => {
      if (request.url === '/v1/large') {
        response.writeHead(200, { 'content-type': 'application/octet-stream', 'x-upstream': 'large' });
        let sent = 0;
        const more = (): void => {
          while (sent < CHUNKS) {
            sent += 1;
            if (!response.write(CHUNK)) return void response.once('drain', more);
          }
          response.end();
        };
        more();
      } else if (request.url === '/v1/silent') {
        // Answers nothing until the gateway lets go of the call.
        request.resume();
      } else if (request.url === '/v1/broken') {
        // Promises 1 MiB, sends 64 KiB, then drops the connection.
        response.writeHead(200, { 'content-length': String(1024 * 1024) });
        response.write(CHUNK, () => setTimeout(() => response.destroy(), 50));
      } else {
        // Sends a chunk every 20 ms until the gateway lets go of the answer.
        response.writeHead(200, { 'content-type': 'text/plain' });
        const timer = setInterval(() => response.write('tick\n'), 20);
        response.once('close', () => {
          clearInterval(timer);
          closed();
        });
      }
    });
    await new Promise<void>((resolve) => upstream.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/`;
    gateway = await GatewayTestApp.start({}, { UPSTREAM_URL: url, UPSTREAM_SANDBOX_URL: url });
    port = await gateway.listening();
  });

  afterAll(async () => {
    // Every connection either side still holds goes first (the test client's keep-alive ones
    // included): a server only closes once its connections have ended.
    upstream.closeAllConnections();
    gateway.app.getHttpServer().closeAllConnections();
    await gateway.stop();
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  });

  it("serves the partner API and the service's own routes on one port", async () => {
    const key = await gateway.issueKey();
    const origin = `http://127.0.0.1:${port}`;

    const partnerCall = await fetch(`${origin}/v1/large`, { headers: { authorization: `Bearer ${key.secret}` } });
    await partnerCall.arrayBuffer();
    const refused = await fetch(`${origin}/v1/large`);
    const refusal = await refused.text();
    const health = await fetch(`${origin}/health`);
    await health.arrayBuffer();
    const verified = await fetch(`${origin}/v1/keys/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: key.secret }),
    });

    expect(partnerCall.status).toBe(200);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(refusal)).toMatchObject({ status: 401 });
    expect(health.status).toBe(200);
    expect(await verified.json()).toMatchObject({ valid: true, keyId: key.keyId });
  });

  it('streams a large answer whole, with the upstream headers and the request id', async () => {
    const key = await gateway.issueKey();

    const answer = await fetch(`http://127.0.0.1:${port}/v1/large`, {
      headers: { authorization: `Bearer ${key.secret}` },
    });
    const body = Buffer.from(await answer.arrayBuffer());

    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-upstream')).toBe('large');
    expect(answer.headers.get('x-request-id')).toMatch(/\S/);
    expect(body.length).toBe(CHUNK.length * CHUNKS);
    expect(body.every((byte) => byte === 0x61)).toBe(true);
  });

  it("ends the caller's answer with an error when the upstream breaks off midway", async () => {
    const key = await gateway.issueKey();

    const answer = await fetch(`http://127.0.0.1:${port}/v1/broken`, {
      headers: { authorization: `Bearer ${key.secret}` },
    });

    expect(answer.status).toBe(200);
    await expect(answer.arrayBuffer()).rejects.toThrow();
  });

  it('lets go of the upstream answer when the caller leaves midway', async () => {
    const key = await gateway.issueKey();
    const leaving = new AbortController();

    const answer = await fetch(`http://127.0.0.1:${port}/v1/slow`, {
      headers: { authorization: `Bearer ${key.secret}` },
      signal: leaving.signal,
    });
    const reader = answer.body?.getReader();
    await reader?.read();
    leaving.abort();

    await expect(
      Promise.race([slowClosed.then(() => 'released'), new Promise((resolve) => setTimeout(resolve, 5_000, 'held'))]),
    ).resolves.toBe('released');
  });

  it('records a caller who leaves before the upstream answers as a forwarded call with status 499', async () => {
    const records: UsageRecord[] = [];
    await gateway.bus.subscribe({
      topic: USAGE_REQUESTS_TOPIC,
      group: 'gateway-test.caller-left',
      handler: (message) => {
        records.push(...(decodeUsageRecords(message.value)?.records ?? []));
        return Promise.resolve();
      },
    });
    const key = await gateway.issueKey();

    const leaving = fetch(`http://127.0.0.1:${port}/v1/silent`, {
      headers: { authorization: `Bearer ${key.secret}`, 'x-request-id': 'caller-left-1' },
      signal: AbortSignal.timeout(300),
    });

    await expect(leaving).rejects.toThrow();
    await gateway.until(() => Promise.resolve(records.some((record) => record.requestId === 'caller-left-1')));
    expect(records.find((record) => record.requestId === 'caller-left-1')).toMatchObject({
      keyId: key.keyId,
      route: '/v1/silent',
      status: 499,
      outcome: 'forwarded',
    });
  });
});
