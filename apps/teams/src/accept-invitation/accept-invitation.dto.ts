import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { INVITATION_TOKEN_SHAPE } from '../invitations/invitation-token';

/** POST /api/v1/invitations/accept */
export class AcceptInvitationDto {
  /** The token of the invitation link (`…/invitations/accept?token=<token>`). */
  @ApiProperty({
    type: String,
    pattern: INVITATION_TOKEN_SHAPE.source,
    minLength: 43,
    maxLength: 43,
    description: 'The token of the invitation link (…/invitations/accept?token=<token>)',
    example: 'q3Vd0xW8mJ2kPpZ7nR5tYc1uB4eH6aL9sF0gK3jD2oM',
  })
  @Matches(INVITATION_TOKEN_SHAPE, { message: 'token must be the token of an invitation link' })
  @IsString()
  readonly token!: string;
}
