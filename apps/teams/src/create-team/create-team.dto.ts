import { IsOptional } from 'class-validator';
import { TeamDescription, TeamName } from '../shared/team-fields';

/** POST /api/v1/teams */
export class CreateTeamDto {
  @TeamName()
  readonly name!: string;

  @IsOptional()
  @TeamDescription()
  readonly description?: string;
}
