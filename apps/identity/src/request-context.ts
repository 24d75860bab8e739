import type { EventMetadata } from '@portal/event-sourcing';
import { requestIdOf } from '@portal/platform';
import type { FastifyRequest } from 'fastify';

const MAX_USER_AGENT_LENGTH = 512;

/** Where a request came from, as sessions and events record it. */
export interface RequestClient {
  readonly sourceIp: string | null;
  readonly userAgent: string | null;
}

export function clientOf(request: FastifyRequest): RequestClient {
  const agent = request.headers['user-agent'];
  return {
    sourceIp: request.ip || null,
    userAgent: typeof agent === 'string' ? agent.slice(0, MAX_USER_AGENT_LENGTH) : null,
  };
}

/** The metadata of the events a person's request causes, correlated by the request id. */
export function userEventMetadata(request: FastifyRequest, actorId: string): EventMetadata {
  return {
    actorId,
    actorKind: 'user',
    teamId: null,
    correlationId: requestIdOf(request),
    causationId: null,
    ...clientOf(request),
  };
}
