import { Controller, Delete, HttpCode, Param, Req, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { TeamCommands } from '../shared/team-commands';
import { invitationIdOf, teamIdOf } from '../shared/team-ids';

/** Revokes a pending invitation (Owners and Admins): its link stops working. */
@ApiTags('invitations')
@Controller('api/v1/teams')
export class RevokeInvitationHttp {
  constructor(private readonly teams: TeamCommands) {}

  @Delete(':teamId/invitations/:invitationId')
  @ApiOperation({ summary: 'Revoke an invitation', description: 'Its link stops working (Owners and Admins).' })
  @ApiUuidParams('teamId', 'invitationId')
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiSession({ unsafe: true })
  @ApiProblems(404, 410)
  @HttpCode(204)
  @UseGuards(SessionGuard)
  async revoke(
    @Param('teamId') teamIdParam: string,
    @Param('invitationId') invitationIdParam: string,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    const teamId = teamIdOf(teamIdParam);
    const command = {
      type: 'RevokeInvitation' as const,
      actorId: user.userId,
      invitationId: invitationIdOf(invitationIdParam),
    };
    await this.teams.run(teamId, command, requestEventMetadata(request, user.userId, teamId));
  }
}
