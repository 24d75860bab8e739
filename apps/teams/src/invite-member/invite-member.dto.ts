import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { TeamRole } from '@portal/teams-domain';
import { Email, Role, TEAM_LIMITS } from '../shared/team-fields';

/** POST /api/v1/teams/:teamId/invitations */
export class InviteMemberDto {
  @Email()
  readonly email!: string;

  @Role()
  readonly role!: TeamRole;

  /** A personal message, sent as plain text in the email. */
  @IsOptional()
  @MaxLength(TEAM_LIMITS.message)
  @IsString()
  readonly message?: string;
}
