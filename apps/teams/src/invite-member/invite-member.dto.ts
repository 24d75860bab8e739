import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { TEAM_ROLES, type TeamRole } from '@portal/teams-domain';
import { Email, Role, TEAM_LIMITS } from '../shared/team-fields';

/** POST /api/v1/teams/:teamId/invitations */
export class InviteMemberDto {
  @ApiProperty({ type: String, format: 'email', maxLength: TEAM_LIMITS.email, example: 'grace@example.com' })
  @Email()
  readonly email!: string;

  @ApiProperty({ type: String, enum: TEAM_ROLES, description: 'owner only when an Owner invites', example: 'member' })
  @Role()
  readonly role!: TeamRole;

  /** A personal message, sent as plain text in the email. */
  @ApiPropertyOptional({
    type: String,
    maxLength: TEAM_LIMITS.message,
    description: 'A personal message, sent as plain text in the email',
    example: 'Welcome aboard!',
  })
  @IsOptional()
  @MaxLength(TEAM_LIMITS.message)
  @IsString()
  readonly message?: string;
}
