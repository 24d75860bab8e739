import { DomainError } from '@portal/event-sourcing';
import { KeyErrorCode } from '@portal/keys-domain';
import { TeamErrorCode } from '@portal/teams-domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Ids in paths are UUIDs; anything else names nothing and answers as an unknown id would (404),
 * so a path never reaches a stream name unchecked.
 */
function knownShape(code: string, message: string) {
  return (id: string): string => {
    if (!UUID.test(id)) throw new DomainError(code, message);
    return id;
  };
}

export const teamIdOf = knownShape(TeamErrorCode.NOT_FOUND, 'Team not found');
export const keyIdOf = knownShape(KeyErrorCode.NOT_FOUND, 'API key not found');
