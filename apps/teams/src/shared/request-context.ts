import type { EventMetadata } from '@portal/event-sourcing';
import { requestIdOf } from '@portal/platform';
import type { FastifyRequest } from 'fastify';

const MAX_USER_AGENT_LENGTH = 512;

/** The metadata of the events a person's request causes in a team, correlated by the request id. */
export function teamEventMetadata(request: FastifyRequest, actorId: string, teamId: string): EventMetadata {
  const agent = request.headers['user-agent'];
  return {
    actorId,
    actorKind: 'user',
    teamId,
    correlationId: requestIdOf(request),
    causationId: null,
    sourceIp: request.ip || null,
    userAgent: typeof agent === 'string' ? agent.slice(0, MAX_USER_AGENT_LENGTH) : null,
  };
}
