import { DomainError } from '@portal/event-sourcing';
import { TeamErrorCode } from '@portal/teams-domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Ids in paths are UUIDs; anything else names nothing, and answers as an unknown id would
 * (404 with the resource's NOT_FOUND code), so a path never reaches a stream name unchecked.
 */
function knownShape(code: TeamErrorCode, message: string) {
  return (id: string): string => {
    if (!UUID.test(id)) throw new DomainError(code, message);
    return id;
  };
}

export const teamIdOf = knownShape(TeamErrorCode.NOT_FOUND, 'Team not found');
export const memberIdOf = knownShape(TeamErrorCode.MEMBER_NOT_FOUND, 'No such member in this team');
export const invitationIdOf = knownShape(TeamErrorCode.INVITATION_NOT_FOUND, 'No such invitation');
