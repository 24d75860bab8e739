import { type EventMetadata, uuidv7 } from '@portal/event-sourcing';

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
