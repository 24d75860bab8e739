import { KeyErrorCode } from '@portal/keys-domain';
import { pathIdOf } from '@portal/platform';
import { TeamErrorCode } from '@portal/teams-domain';

export const teamIdOf = pathIdOf(TeamErrorCode.NOT_FOUND, 'Team not found');
export const keyIdOf = pathIdOf(KeyErrorCode.NOT_FOUND, 'API key not found');
