import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { failureLogLine, newRequestId, type ProblemAnswer, sendProblem } from '@portal/platform';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { GATEWAY_TUNING, type GatewayTuning } from '../gateway-tuning';
import { UsagePublisher } from '../usage/usage-publisher';
import { VerifyKeyRoute } from '../verify-key/verify-key.route';
import { PartnerCalls, PROXIED_METHODS } from './partner-calls';
import { PARTNER_PROBLEMS } from './partner-problems';

/** Calls the partner API answers: every path under `/v1/`. */
export const isPartnerUrl = (url: string | undefined): boolean => url?.startsWith('/v1/') === true;

const VERIFY_PATH = '/v1/keys/verify';

/** `POST /v1/keys/verify`, query string or not: the one partner route with a JSON body. */
const isVerifyCall = (request: IncomingMessage): boolean =>
  request.method === 'POST' &&
  request.url?.startsWith(VERIFY_PATH) === true &&
  (request.url.length === VERIFY_PATH.length || request.url[VERIFY_PATH.length] === '?');

type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Sends the calls under `/v1/` that reach Nest's HTTP server to the partner API's handler,
 * and everything else to Nest's own. Nest's instance also hands its `/v1/*` over, for calls
 * that reach it without the server (`inject` in tests).
 */
function handOver(nest: FastifyInstance, partner: RequestHandler): void {
  void nest.register((scope, _options, done) => {
    // No body parser: a body stays unread on the request, to be streamed on.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    scope.route({
      method: PROXIED_METHODS,
      url: '/v1/*',
      exposeHeadRoute: false,
      handler: (request, reply) => {
        void reply.hijack();
        partner(request.raw, reply.raw);
      },
    });
    done();
  });
  const server = nest.server;
  const nestHandlers = server.listeners('request') as RequestHandler[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (isPartnerUrl(request.url)) return partner(request, response);
    for (const nestHandler of nestHandlers) nestHandler.call(server, request, response);
  });
}

/** Fastify's refusals of a body it could not read, as problems; their messages are never echoed. */
function bodyProblemOf(error: FastifyError): ProblemAnswer | null {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 413, code: 'REQUEST.BODY_TOO_LARGE', detail: 'The body is too large' };
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE', detail: 'The body must be JSON' };
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: 400, code: 'REQUEST.MALFORMED_BODY', detail: 'The body is not valid JSON' };
  }
  return null;
}

/**
 * The partner API shares Nest's HTTP server but runs no Nest in its path: no guard, pipe,
 * interceptor, observable or Nest hook, nor any hook Nest's instance carries for the dashboard's
 * routes. Calls under `/v1/` go to it, everything else to Nest's instance, which also hands
 * `/v1/*` over, for `inject` in tests.
 *
 * The forwarded calls run on Node's request and response with no framework at all (PartnerCalls):
 * what a call costs there is the gateway's own work. `POST /v1/keys/verify`, the one route with a
 * body to read, runs on a Fastify instance of its own with a small JSON body limit.
 */
@Injectable()
export class PartnerApiRoutes implements OnModuleInit {
  private readonly logger = new Logger('PartnerApi');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly calls: PartnerCalls,
    private readonly verify: VerifyKeyRoute,
    private readonly usage: UsagePublisher,
    @Inject(GATEWAY_TUNING) private readonly tuning: GatewayTuning,
  ) {}

  async onModuleInit(): Promise<void> {
    const verify = await this.verifyInstance();
    const nest = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // Closed with Nest's, once the server has answered its last call: the last usage records go out.
    nest.addHook('onClose', async () => {
      await verify.instance.close();
      await this.usage.close();
    });
    const forwarded = this.calls.handle;
    handOver(nest, (request, response) =>
      isVerifyCall(request) ? verify.handle(request, response) : forwarded(request, response),
    );
  }

  /** The instance of `POST /v1/keys/verify`, ready. It never listens: its request handler is taken from the server factory. */
  private async verifyInstance(): Promise<{ instance: FastifyInstance; handle: RequestHandler }> {
    let handle: RequestHandler | null = null;
    const instance = Fastify({
      logger: false,
      // `request.id` is the id the caller reads in `x-request-id`.
      genReqId: (request) => newRequestId(request.headers),
      serverFactory: (handler) => {
        handle = handler;
        return createServer();
      },
    });
    void instance.register((scope, _options, done) => {
      this.verifyScope(scope);
      done();
    });
    await instance.ready();
    if (handle === null) throw new Error('the key verification route has no request handler');
    return { instance, handle };
  }

  private verifyScope(scope: FastifyInstance): void {
    scope.setErrorHandler((error: FastifyError, request, reply) => {
      const problem = bodyProblemOf(error);
      if (problem === null) return this.failed(error, request, reply);
      return sendProblem(reply, problem, request.id);
    });
    scope.route({
      method: 'POST',
      url: '/v1/keys/verify',
      bodyLimit: this.tuning.verifyBodyLimit,
      handler: this.verify.handle,
    });
  }

  /** An unexpected failure: 500, logged with the request id, method and path (never headers, query or body). */
  private failed(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
    this.logger.error(failureLogLine(request.id, request.method, request.url, error));
    return sendProblem(reply, PARTNER_PROBLEMS.internal, request.id);
  }
}
