import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { TEAM_LIMITS, TeamDescription, TeamName } from '../shared/team-fields';

/** POST /api/v1/teams */
export class CreateTeamDto {
  @ApiProperty({ type: String, minLength: 1, maxLength: TEAM_LIMITS.name, description: 'Trimmed', example: 'Payments' })
  @TeamName()
  readonly name!: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: TEAM_LIMITS.description,
    description: 'Trimmed; empty when left out',
    example: 'The payments squad',
  })
  @IsOptional()
  @TeamDescription()
  readonly description?: string;
}
