import { Injectable } from '@nestjs/common';
import { assertNever } from '@portal/event-sourcing/domain';
import { parseKey } from '@portal/keys-domain';
import { REQUEST_ID_HEADER, sendProblem } from '@portal/platform';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { KeyCacheService, UNCONFIRMED } from '../key-cache/key-cache.service';
import { forwardCall } from '../proxy/forward-call';
import { upstreamHeadersOf, upstreamPathOf } from '../proxy/upstream-request';
import { Upstreams } from '../proxy/upstreams';
import type { PartnerCall } from '../usage/usage-batch';
import { UsagePublisher } from '../usage/usage-publisher';
import { CallLimiter, type CallVerdict } from './call-limits';
import { PARTNER_PROBLEMS } from './partner-problems';
import { presentedKey, secretHashOf } from './presented-key';

/** The request decoration the partner API's instance holds each call's PartnerCall in. */
export const PARTNER_CALL = 'partnerCall';

/** A request of the partner API's instance: its call, once it has reached the key check. */
type PartnerRequest = FastifyRequest & { [PARTNER_CALL]: PartnerCall | null };

/**
 * The partner API's hot path, for any method on `/v1/*`: the key is read from the call and
 * checked offline (format and checksum), then looked up by its hash in the key cache, the
 * limits applied, and the call forwarded to the upstream of the key's environment. Every call
 * that reaches the key check leaves a usage record when its answer ends.
 *
 * What the hot path learns of a call is kept on the request itself (a Fastify decoration,
 * declared with the route), and the request id is Fastify's `request.id`: no per-call entry in
 * a WeakMap, whose entries cost the garbage collector more than plain objects do.
 */
@Injectable()
export class PartnerCalls {
  constructor(
    private readonly keys: KeyCacheService,
    private readonly limiter: CallLimiter,
    private readonly upstreams: Upstreams,
    private readonly usage: UsagePublisher,
  ) {}

  readonly handle = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const requestId = request.id;
    void reply.header(REQUEST_ID_HEADER, requestId);
    if (upstreamPathOf('', request.url) === null) return sendProblem(reply, PARTNER_PROBLEMS.badPath, requestId);
    const call: PartnerCall = { requestId, outcome: 'unauthenticated', key: null };
    (request as PartnerRequest)[PARTNER_CALL] = call;
    const candidate = presentedKey(request.headers);
    if (candidate === undefined || !parseKey(candidate).ok) return this.refuseKey(reply, requestId);
    const found = this.keys.resolve(secretHashOf(candidate), Date.now());
    const key = found instanceof Promise ? await found : found;
    if (key === UNCONFIRMED) {
      call.outcome = 'unconfirmed';
      return sendProblem(reply, PARTNER_PROBLEMS.unconfirmed, requestId);
    }
    if (key === null) return this.refuseKey(reply, requestId);
    call.key = key;
    const verdict = this.limiter.admit(key, request.ip, Date.now());
    if (verdict.outcome !== 'allowed') return this.refuse(call, verdict, reply);
    const upstream = this.upstreams.of(key.environment);
    const headers = upstreamHeadersOf(request.headers, { keyId: key.keyId, teamId: key.teamId, requestId });
    const failure = await forwardCall(upstream, `${upstream.basePath}${request.url}`, headers, request, reply);
    if (failure === null) {
      call.outcome = 'forwarded';
      return reply;
    }
    call.outcome = 'upstream_failed';
    const problem = failure === 'timeout' ? PARTNER_PROBLEMS.upstreamTimeout : PARTNER_PROBLEMS.upstreamUnreachable;
    return sendProblem(reply, problem, requestId);
  };

  /** Fastify's onResponse hook of the partner routes: the call's usage record, once its answer has ended. */
  readonly onResponse = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const call = (request as PartnerRequest)[PARTNER_CALL];
    if (call !== null) {
      this.usage.record(call, {
        method: request.method,
        url: request.url,
        sourceIp: request.ip,
        status: reply.statusCode,
        latencyMs: reply.elapsedTime,
        endedAt: Date.now(),
      });
    }
    done();
  };

  private refuseKey(reply: FastifyReply, requestId: string): FastifyReply {
    return sendProblem(reply.header('www-authenticate', 'Bearer'), PARTNER_PROBLEMS.unauthenticated, requestId);
  }

  private refuse(
    call: PartnerCall,
    verdict: Exclude<CallVerdict, { outcome: 'allowed' }>,
    reply: FastifyReply,
  ): FastifyReply {
    call.outcome = verdict.outcome;
    switch (verdict.outcome) {
      case 'unauthenticated':
        return this.refuseKey(reply, call.requestId);
      case 'forbidden_network':
        return sendProblem(reply, PARTNER_PROBLEMS.forbiddenNetwork, call.requestId);
      case 'rate_limited':
      case 'quota_exceeded': {
        const problem =
          verdict.outcome === 'rate_limited' ? PARTNER_PROBLEMS.rateLimited : PARTNER_PROBLEMS.quotaExceeded;
        return sendProblem(reply.header('retry-after', String(verdict.retryAfterSeconds)), problem, call.requestId);
      }
      default:
        return assertNever(verdict, 'call verdict');
    }
  }
}
