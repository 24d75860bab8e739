import { Injectable } from '@nestjs/common';
import { effectiveStatus, type EffectiveKeyStatus, isUsable, type KeyEnvironment, parseKey } from '@portal/keys-domain';
import { REQUEST_ID_HEADER, sendProblem } from '@portal/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { KeyCacheService, UNCONFIRMED } from '../key-cache/key-cache.service';
import { CallLimiter } from '../partner-api/call-limits';
import { PARTNER_PROBLEMS } from '../partner-api/partner-problems';
import { secretHashOf } from '../partner-api/presented-key';

/** The answer of `POST /v1/keys/verify`: details only for a key that exists. */
export type VerifyKeyAnswer =
  | { readonly valid: false }
  | {
      readonly valid: boolean;
      readonly keyId: string;
      readonly teamId: string;
      readonly environment: KeyEnvironment;
      readonly status: EffectiveKeyStatus;
      /** Requests left in the current quota period as this gateway counts them; null without a quota. */
      readonly remainingQuota: number | null;
    };

const INVALID: VerifyKeyAnswer = { valid: false };

const BAD_BODY = {
  status: 400,
  code: 'REQUEST.VALIDATION',
  detail: 'The body must be a JSON object with one field, key (a string)',
} as const;

function keyOfBody(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const fields = Object.keys(body);
  const { key } = body as { key?: unknown };
  return fields.length === 1 && typeof key === 'string' ? key : null;
}

/**
 * `POST /v1/keys/verify`, for the portal's other services: whether a key works now, with its
 * id, team, environment, status and remaining quota. Anything that is not a known key answers
 * `{ valid: false }` and nothing more. It counts against no limit and consumes no quota.
 */
@Injectable()
export class VerifyKeyRoute {
  constructor(
    private readonly keys: KeyCacheService,
    private readonly limiter: CallLimiter,
  ) {}

  readonly handle = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    // The route's Fastify instance makes each request's id with newRequestId.
    const requestId = request.id;
    void reply.header(REQUEST_ID_HEADER, requestId).header('cache-control', 'no-store');
    const candidate = keyOfBody(request.body);
    if (candidate === null) return sendProblem(reply, BAD_BODY, requestId);
    if (!parseKey(candidate).ok) return reply.send(INVALID);
    const now = Date.now();
    const found = this.keys.resolve(secretHashOf(candidate), now);
    const key = found instanceof Promise ? await found : found;
    if (key === UNCONFIRMED) return sendProblem(reply, PARTNER_PROBLEMS.unconfirmed, requestId);
    if (key === null) return reply.send(INVALID);
    const at = new Date(now).toISOString();
    const answer: VerifyKeyAnswer = {
      valid: isUsable(key.record.key, at),
      keyId: key.keyId,
      teamId: key.teamId,
      environment: key.environment,
      status: effectiveStatus(key.record.key, at),
      remainingQuota: this.limiter.remaining(key, now),
    };
    return reply.send(answer);
  };
}
