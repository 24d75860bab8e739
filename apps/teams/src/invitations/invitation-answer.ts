import { ApiProperty } from '@nestjs/swagger';
import { type Invitation, TEAM_ROLES, type TeamRole } from '@portal/teams-domain';

/** What invite and re-send answer about an invitation (never its token or hash). */
export class InvitationAnswer {
  @ApiProperty({ type: String, format: 'uuid', example: '0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d' })
  readonly invitationId!: string;

  @ApiProperty({ type: String, format: 'email', example: 'grace@example.com' })
  readonly email!: string;

  @ApiProperty({ type: String, enum: TEAM_ROLES, example: 'admin' })
  readonly role!: TeamRole;

  @ApiProperty({ type: String, format: 'date-time', example: '2025-01-31T12:00:00.000Z' })
  readonly expiresAt!: string;
}

export const invitationAnswer = ({ invitationId, email, role, expiresAt }: Invitation): InvitationAnswer => ({
  invitationId,
  email,
  role,
  expiresAt,
});
