import { Body, Controller, Header, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { teamIdOf } from '../shared/team-ids';
import { InviteMemberDto } from './invite-member.dto';
import { InviteMemberHandler } from './invite-member.handler';

/** Invites a person by email with a role (Owners and Admins; Owner only by an Owner). */
@ApiTags('invitations')
@Controller('api/v1/teams')
export class InviteMemberHttp {
  constructor(private readonly handler: InviteMemberHandler) {}

  @Post(':teamId/invitations')
  @ApiOperation({
    summary: 'Invite a person',
    description:
      'Emails the link (Owners and Admins; an Owner only by an Owner). 502 leaves the invitation to re-send.',
  })
  @ApiUuidParams('teamId')
  @ApiCreatedResponse({ type: InvitationAnswer })
  @ApiSession({ unsafe: true })
  @ApiProblems(400, 404, 409, 502)
  @HttpCode(201)
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async invite(
    @Param('teamId') teamIdParam: string,
    @Body() body: InviteMemberDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<InvitationAnswer> {
    const teamId = teamIdOf(teamIdParam);
    const invite = { teamId, email: body.email, role: body.role, message: body.message ?? '' };
    return this.handler.handle(invite, user, requestEventMetadata(request, user.userId, teamId));
  }
}
