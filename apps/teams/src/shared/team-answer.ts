import { ApiProperty } from '@nestjs/swagger';
import { type ActiveTeam, TEAM_ROLES, type TeamRole } from '@portal/teams-domain';

/** A team as create and update answer it, with the caller's role. */
export class TeamAnswer {
  @ApiProperty({ type: String, format: 'uuid', example: '0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d' })
  readonly teamId!: string;

  @ApiProperty({ type: String, example: 'Payments' })
  readonly name!: string;

  @ApiProperty({ type: String, example: 'The payments squad' })
  readonly description!: string;

  @ApiProperty({ type: String, enum: TEAM_ROLES, nullable: true, description: 'null once the caller is no member' })
  readonly yourRole!: TeamRole | null;
}

export const teamAnswer = (team: ActiveTeam, userId: string): TeamAnswer => ({
  teamId: team.teamId,
  name: team.name,
  description: team.description,
  yourRole: team.members.get(userId)?.role ?? null,
});
