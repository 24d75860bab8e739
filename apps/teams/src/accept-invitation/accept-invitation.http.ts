import { Body, Controller, Header, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, SessionGuard } from '@portal/platform';
import type { FastifyRequest } from 'fastify';
import { teamEventMetadata } from '../shared/request-context';
import { AcceptInvitationDto } from './accept-invitation.dto';
import { type AcceptedInvitation, AcceptInvitationHandler } from './accept-invitation.handler';

/** The signed-in invitee joins the team with the invited role. */
@Controller('api/v1/invitations')
export class AcceptInvitationHttp {
  constructor(private readonly handler: AcceptInvitationHandler) {}

  @Post('accept')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async accept(
    @Body() body: AcceptInvitationDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<AcceptedInvitation> {
    return this.handler.handle(body.token, user, (teamId) => teamEventMetadata(request, user.userId, teamId));
  }
}
