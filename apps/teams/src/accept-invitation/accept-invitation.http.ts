import { Body, Controller, Header, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  ApiSession,
  type AuthenticatedUser,
  CurrentUser,
  requestEventMetadata,
  SessionGuard,
} from '@portal/platform';
import type { FastifyRequest } from 'fastify';
import { AcceptInvitationDto } from './accept-invitation.dto';
import { AcceptedInvitation, AcceptInvitationHandler } from './accept-invitation.handler';

/** The signed-in invitee joins the team with the invited role. */
@ApiTags('invitations')
@Controller('api/v1/invitations')
export class AcceptInvitationHttp {
  constructor(private readonly handler: AcceptInvitationHandler) {}

  @Post('accept')
  @ApiOperation({
    summary: 'Accept an invitation',
    description: 'The signed-in invitee joins the team with the invited role.',
  })
  @ApiOkResponse({ type: AcceptedInvitation })
  @ApiSession({ unsafe: true })
  @ApiProblems(400, 404, 409, 410)
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async accept(
    @Body() body: AcceptInvitationDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<AcceptedInvitation> {
    return this.handler.handle(body.token, user, (teamId) => requestEventMetadata(request, user.userId, teamId));
  }
}
