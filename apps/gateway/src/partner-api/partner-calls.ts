import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, Logger } from '@nestjs/common';
import { assertNever } from '@portal/event-sourcing/domain';
import { parseKey } from '@portal/keys-domain';
import { failureLogLine, newRequestId, type ProblemAnswer, writeProblem } from '@portal/platform';
import { KeyCacheService, UNCONFIRMED } from '../key-cache/key-cache.service';
import { forwardCall } from '../proxy/forward-call';
import { upstreamHeadersOf, upstreamPathOf } from '../proxy/upstream-request';
import { Upstreams } from '../proxy/upstreams';
import type { PartnerCall } from '../usage/usage-batch';
import { UsagePublisher } from '../usage/usage-publisher';
import { CallLimiter, type CallVerdict } from './call-limits';
import { PARTNER_PROBLEMS } from './partner-problems';
import { presentedKey, secretHashOf } from './presented-key';

/** The methods the partner API forwards; any other is answered 405. */
export const PROXIED_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
const ALLOWED_METHODS = PROXIED_METHODS.join(', ');
/** The status a usage record gives a call whose caller left before any answer was sent. */
const CALLER_LEFT_STATUS = 499;

/**
 * The partner API's hot path, for any method on `/v1/*` but `POST /v1/keys/verify`: the key is
 * read from the call and checked offline (format and checksum), then looked up by its hash in
 * the key cache, the limits applied, and the call forwarded to the upstream of the key's
 * environment. Every call that reaches the key check leaves a usage record once its answer has
 * ended or its caller has left.
 *
 * It runs on Node's own request and response, with no web framework in the path: a call costs
 * only what the gateway does for it. Every answer carries the request id in `x-request-id`.
 */
@Injectable()
export class PartnerCalls {
  private readonly logger = new Logger('PartnerApi');

  constructor(
    private readonly keys: KeyCacheService,
    private readonly limiter: CallLimiter,
    private readonly upstreams: Upstreams,
    private readonly usage: UsagePublisher,
  ) {}

  /** Node's request handler for the partner calls; never throws, never rejects. */
  readonly handle = (request: IncomingMessage, response: ServerResponse): void => {
    const startedAt = performance.now();
    // Every answer carries the id in `x-request-id`: writeProblem and forwardCall put it there.
    const requestId = newRequestId(request.headers);
    this.answer(request, response, requestId, startedAt).catch((error: unknown) =>
      this.failed(error, request, response, requestId),
    );
  };

  private async answer(
    request: IncomingMessage,
    response: ServerResponse,
    requestId: string,
    startedAt: number,
  ): Promise<void> {
    const url = request.url ?? '/';
    if (!PROXIED_METHODS.includes(request.method ?? '')) {
      response.setHeader('allow', ALLOWED_METHODS);
      return writeProblem(response, PARTNER_PROBLEMS.methodNotAllowed, requestId);
    }
    if (upstreamPathOf('', url) === null) return writeProblem(response, PARTNER_PROBLEMS.badPath, requestId);
    const call: PartnerCall = { requestId, outcome: 'unauthenticated', key: null };
    const sourceIp = request.socket.remoteAddress ?? '';
    // A response emits 'close' once: `on` spares the wrapper `once` would make for every call.
    response.on('close', () => this.recordUsage(call, request, response, sourceIp, startedAt));
    const candidate = presentedKey(request.headers);
    if (candidate === undefined || !parseKey(candidate).ok) return this.refuseKey(response, requestId);
    const found = this.keys.resolve(secretHashOf(candidate), Date.now());
    const key = found instanceof Promise ? await found : found;
    if (key === UNCONFIRMED) {
      call.outcome = 'unconfirmed';
      return writeProblem(response, PARTNER_PROBLEMS.unconfirmed, requestId);
    }
    if (key === null) return this.refuseKey(response, requestId);
    call.key = key;
    const verdict = this.limiter.admit(key, sourceIp, Date.now());
    if (verdict.outcome !== 'allowed') return this.refuse(call, verdict, response);
    const upstream = this.upstreams.of(key.environment);
    const headers = upstreamHeadersOf(request.headers, { keyId: key.keyId, teamId: key.teamId, requestId });
    // Forwarded from here on: a caller who leaves before the answer is recorded as such.
    call.outcome = 'forwarded';
    const failure = await forwardCall(upstream, `${upstream.basePath}${url}`, headers, request, response, requestId);
    if (failure === null) return;
    call.outcome = 'upstream_failed';
    const problem = failure === 'timeout' ? PARTNER_PROBLEMS.upstreamTimeout : PARTNER_PROBLEMS.upstreamUnreachable;
    this.answerProblem(response, problem, requestId);
  }

  /** The call's usage record, once its answer has ended or its caller has left. */
  private recordUsage(
    call: PartnerCall,
    request: IncomingMessage,
    response: ServerResponse,
    sourceIp: string,
    startedAt: number,
  ): void {
    this.usage.record(call, {
      method: request.method ?? '',
      url: request.url ?? '/',
      sourceIp,
      // A caller that left before any answer was sent: 499, as proxies record it.
      status: response.headersSent ? response.statusCode : CALLER_LEFT_STATUS,
      latencyMs: performance.now() - startedAt,
      endedAt: Date.now(),
    });
  }

  private refuseKey(response: ServerResponse, requestId: string): void {
    response.setHeader('www-authenticate', 'Bearer');
    writeProblem(response, PARTNER_PROBLEMS.unauthenticated, requestId);
  }

  private refuse(
    call: PartnerCall,
    verdict: Exclude<CallVerdict, { outcome: 'allowed' }>,
    response: ServerResponse,
  ): void {
    call.outcome = verdict.outcome;
    switch (verdict.outcome) {
      case 'unauthenticated':
        return this.refuseKey(response, call.requestId);
      case 'forbidden_network':
        return writeProblem(response, PARTNER_PROBLEMS.forbiddenNetwork, call.requestId);
      case 'rate_limited':
      case 'quota_exceeded': {
        const problem =
          verdict.outcome === 'rate_limited' ? PARTNER_PROBLEMS.rateLimited : PARTNER_PROBLEMS.quotaExceeded;
        response.setHeader('retry-after', String(verdict.retryAfterSeconds));
        return writeProblem(response, problem, call.requestId);
      }
      default:
        return assertNever(verdict, 'call verdict');
    }
  }

  /** A problem, unless an answer has begun (or the caller left): that connection is then ended. */
  private answerProblem(response: ServerResponse, problem: ProblemAnswer, requestId: string): void {
    if (response.headersSent || response.destroyed) {
      response.destroy();
      return;
    }
    writeProblem(response, problem, requestId);
  }

  /** An unexpected failure: 500, logged with the request id, method and path (never headers, query or body). */
  private failed(error: unknown, request: IncomingMessage, response: ServerResponse, requestId: string): void {
    this.logger.error(failureLogLine(requestId, request.method, request.url, error));
    this.answerProblem(response, PARTNER_PROBLEMS.internal, requestId);
  }
}
