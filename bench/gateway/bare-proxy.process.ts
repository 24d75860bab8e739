import Fastify from 'fastify';
import { Pool } from 'undici';
import { relayAnswer } from '../../apps/gateway/src/proxy/forward-call';

/*
 * The baseline of the gateway benchmark: a bare Fastify reverse proxy, with the HTTP client
 * the gateway uses (an undici keep-alive pool) and the gateway's relay of answers, streaming
 * every call on `/v1/*` to UPSTREAM_URL and the answer back. No key check, no limits, no metering: what the gateway adds is measured
 * against this. Listens on 127.0.0.1:PORT until SIGTERM.
 */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te']);

function withoutHopByHop(headers: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && name !== 'host') kept[name] = value;
  }
  return kept;
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
      void reply.code(response.statusCode).headers(withoutHopByHop(response.headers));
      // The answer is streamed back as the gateway streams it, so the two differ only in what
      // the gateway adds.
      relayAnswer(reply, response.body);
      return reply;
    },
  });
  await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
  process.once('SIGTERM', () => void app.close().then(() => pool.close().then(() => process.exit(0))));
}

void main();
