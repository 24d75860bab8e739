import type { EventMetadata } from '@portal/event-sourcing';
import type { FastifyRequest } from 'fastify';
import { requestIdOf } from './request-id';

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

/**
 * The metadata of the events a person's request causes (in a team, or outside any: null):
 * who, from where, with what client, correlated by the request id.
 */
export function requestEventMetadata(request: FastifyRequest, actorId: string, teamId: string | null): EventMetadata {
  return {
    actorId,
    actorKind: 'user',
    teamId,
    correlationId: requestIdOf(request),
    causationId: null,
    ...clientOf(request),
  };
}
