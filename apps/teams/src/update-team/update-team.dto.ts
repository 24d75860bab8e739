import { IsOptional } from 'class-validator';
import { TeamDescription, TeamName } from '../shared/team-fields';

/** PATCH /api/v1/teams/:teamId: the fields to change. */
export class UpdateTeamDto {
  @IsOptional()
  @TeamName()
  readonly name?: string;

  @IsOptional()
  @TeamDescription()
  readonly description?: string;
}
