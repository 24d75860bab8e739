import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { TEAM_LIMITS, TeamDescription, TeamName } from '../shared/team-fields';

/** PATCH /api/v1/teams/:teamId: the fields to change. */
export class UpdateTeamDto {
  @ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength: TEAM_LIMITS.name,
    description: 'Trimmed',
    example: 'Payments',
  })
  @IsOptional()
  @TeamName()
  readonly name?: string;

  @ApiPropertyOptional({ type: String, maxLength: TEAM_LIMITS.description, example: 'The payments squad' })
  @IsOptional()
  @TeamDescription()
  readonly description?: string;
}
