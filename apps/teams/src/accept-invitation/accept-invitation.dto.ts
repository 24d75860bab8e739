import { IsString, Matches } from 'class-validator';
import { INVITATION_TOKEN_SHAPE } from '../invitations/invitation-token';

/** POST /api/v1/invitations/accept */
export class AcceptInvitationDto {
  /** The token of the invitation link (`…/invitations/accept?token=<token>`). */
  @Matches(INVITATION_TOKEN_SHAPE, { message: 'token must be the token of an invitation link' })
  @IsString()
  readonly token!: string;
}
