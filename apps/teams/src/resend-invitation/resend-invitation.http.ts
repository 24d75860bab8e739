import { Controller, Header, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  ApiSession,
  ApiUuidParams,
  type AuthenticatedUser,
  CurrentUser,
  requestEventMetadata,
  SessionGuard,
} from '@portal/platform';
import type { FastifyRequest } from 'fastify';
import { InvitationAnswer } from '../invitations/invitation-answer';
import { invitationIdOf, teamIdOf } from '../shared/team-ids';
import { ResendInvitationHandler } from './resend-invitation.handler';

/** Re-sends a pending invitation with a new link; the old link stops working. */
@ApiTags('invitations')
@Controller('api/v1/teams')
export class ResendInvitationHttp {
  constructor(private readonly handler: ResendInvitationHandler) {}

  @Post(':teamId/invitations/:invitationId/resend')
  @ApiOperation({ summary: 'Re-send an invitation', description: 'A new link; the old one stops working.' })
  @ApiUuidParams('teamId', 'invitationId')
  @ApiOkResponse({ type: InvitationAnswer })
  @ApiSession({ unsafe: true })
  @ApiProblems(404, 410, 502)
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
    const metadata = requestEventMetadata(request, user.userId, teamId);
    return this.handler.handle(teamId, invitationIdOf(invitationIdParam), user, metadata);
  }
}
