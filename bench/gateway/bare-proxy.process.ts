import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import Fastify from 'fastify';
import { Pool } from 'undici';
import { tuneRuntimeForPartnerCalls } from '../../apps/gateway/src/runtime-tuning';

/*
 * The baseline of the gateway benchmark: a bare Fastify reverse proxy as one is commonly written,
 * with the HTTP client the gateway uses (an undici keep-alive pool): every call on `/v1/*` is
 * sent on with `request`, and the answer's body stream piped back to the caller. No key check,
 * no limits, no metering. Listens on 127.0.0.1:PORT until SIGTERM.
 *
 * The gateway relays answers differently (undici's `dispatch`, each chunk written straight to the
 * caller: apps/gateway/src/proxy/forward-call.ts), which costs less than this pipe; the bench
 * measures the gateway against the plain proxy, relay and all.
 *
 * It runs with the V8 setting the gateway's process runs with (tuneRuntimeForPartnerCalls), so that
 * the comparison is of the two programs and not of two runtimes. With V8's defaults this proxy
 * has the same trouble the setting cures in the gateway: after a burst it spent 77–91 µs of CPU a
 * call instead of 52–68, with a p99 of 16–18 ms at saturation, and whether a run caught it in that
 * state decided much of the comparison.
 */
tuneRuntimeForPartnerCalls();
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te']);

function withoutHopByHop(headers: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && name !== 'host') kept[name] = value;
  }
  return kept;
}

/**
 * The answer piped back: the status and headers, then the body. A caller that leaves midway
 * releases the upstream body; an upstream body that fails midway ends the caller's connection.
 */
function relayAnswer(response: ServerResponse, statusCode: number, headers: OutgoingHttpHeaders, body: Readable): void {
  body.once('error', () => response.destroy());
  if (response.destroyed) {
    body.destroy();
    return;
  }
  response.writeHead(statusCode, headers);
  response.once('close', () => {
    if (!body.readableEnded) body.destroy();
  });
  body.pipe(response);
}

async function main(): Promise<void> {
  const upstream = new URL(process.env.UPSTREAM_URL ?? '');
  const pool = new Pool(upstream.origin, { connections: 128, pipelining: 1 });
  const app = Fastify({ logger: false });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));
  app.route({
    method: ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'],
    url: '/v1/*',
    handler: async (request, reply) => {
      const response = await pool.request({
        path: request.url,
        method: request.method,
        headers: withoutHopByHop(request.headers),
        body: request.headers['content-length'] || request.headers['transfer-encoding'] ? request.raw : null,
      });
      void reply.hijack();
      relayAnswer(reply.raw, response.statusCode, withoutHopByHop(response.headers), response.body);
      return reply;
    },
  });
  await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
  process.once('SIGTERM', () => void app.close().then(() => pool.close().then(() => process.exit(0))));
}

void main();
