import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DemoUpstream, startDemoUpstream } from '../../apps/gateway/src/demo-upstream/demo-upstream';
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
