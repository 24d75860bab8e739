import { pathIdOf } from '@portal/platform';
import { TeamErrorCode } from '@portal/teams-domain';

export const teamIdOf = pathIdOf(TeamErrorCode.NOT_FOUND, 'Team not found');
export const memberIdOf = pathIdOf(TeamErrorCode.MEMBER_NOT_FOUND, 'No such member in this team');
export const invitationIdOf = pathIdOf(TeamErrorCode.INVITATION_NOT_FOUND, 'No such invitation');
