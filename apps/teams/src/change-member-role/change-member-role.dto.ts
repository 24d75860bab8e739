import type { TeamRole } from '@portal/teams-domain';
import { Role } from '../shared/team-fields';

/** PATCH /api/v1/teams/:teamId/members/:userId */
export class ChangeMemberRoleDto {
  @Role()
  readonly role!: TeamRole;
}
