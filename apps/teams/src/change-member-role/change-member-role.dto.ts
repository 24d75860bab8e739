import { ApiProperty } from '@nestjs/swagger';
import { TEAM_ROLES, type TeamRole } from '@portal/teams-domain';
import { Role } from '../shared/team-fields';

/** PATCH /api/v1/teams/:teamId/members/:userId */
export class ChangeMemberRoleDto {
  @ApiProperty({ type: String, enum: TEAM_ROLES, example: 'admin' })
  @Role()
  readonly role!: TeamRole;
}
