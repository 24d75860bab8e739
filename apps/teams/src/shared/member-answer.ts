import { ApiProperty } from '@nestjs/swagger';
import { DomainError } from '@portal/event-sourcing';
import { type ActiveTeam, TEAM_ROLES, TeamErrorCode, type TeamRole } from '@portal/teams-domain';

/** A member's role after a change. */
export class MemberAnswer {
  @ApiProperty({ type: String, format: 'uuid', example: '0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d' })
  readonly userId!: string;

  @ApiProperty({ type: String, format: 'email', example: 'grace@example.com' })
  readonly email!: string;

  @ApiProperty({ type: String, enum: TEAM_ROLES, example: 'admin' })
  readonly role!: TeamRole;
}

export function memberAnswer(team: ActiveTeam, userId: string): MemberAnswer {
  const member = team.members.get(userId);
  if (member === undefined) throw new DomainError(TeamErrorCode.MEMBER_NOT_FOUND, 'No such member in this team');
  return { userId, email: member.email, role: member.role };
}
