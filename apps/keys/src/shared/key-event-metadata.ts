import { type EventMetadata, uuidv7 } from '@portal/event-sourcing';
import { requestIdOf } from '@portal/platform';
import type { FastifyRequest } from 'fastify';

const MAX_USER_AGENT_LENGTH = 512;

/** The metadata of the events a person's request causes to a team's keys, correlated by the request id. */
export function keyEventMetadata(request: FastifyRequest, actorId: string, teamId: string): EventMetadata {
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

/** The metadata of what the keys service's scheduler records: the platform acts, one run correlates. */
export function schedulerEventMetadata(teamId: string, correlationId = uuidv7()): EventMetadata {
  return {
    actorId: 'keys.scheduler',
    actorKind: 'system',
    teamId,
    correlationId,
    causationId: null,
    sourceIp: null,
    userAgent: null,
  };
}
