import { Controller, Header, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, SessionGuard } from '@portal/platform';
import type { FastifyRequest } from 'fastify';
import type { InvitationAnswer } from '../invitations/invitation-answer';
import { teamEventMetadata } from '../shared/request-context';
import { invitationIdOf, teamIdOf } from '../shared/team-ids';
import { ResendInvitationHandler } from './resend-invitation.handler';

/** Re-sends a pending invitation with a new link; the old link stops working. */
@Controller('api/v1/teams')
export class ResendInvitationHttp {
  constructor(private readonly handler: ResendInvitationHandler) {}

  @Post(':teamId/invitations/:invitationId/resend')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async resend(
    @Param('teamId') teamIdParam: string,
    @Param('invitationId') invitationIdParam: string,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<InvitationAnswer> {
    const teamId = teamIdOf(teamIdParam);
    const metadata = teamEventMetadata(request, user.userId, teamId);
    return this.handler.handle(teamId, invitationIdOf(invitationIdParam), user, metadata);
  }
}
