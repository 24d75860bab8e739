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
import { memberIdOf, teamIdOf } from '../shared/team-ids';

/** Removes a member (Owners and Admins; an Owner only by an Owner; one Owner stays). */
@ApiTags('members')
@Controller('api/v1/teams')
export class RemoveMemberHttp {
  constructor(private readonly teams: TeamCommands) {}

  @Delete(':teamId/members/:userId')
  @ApiOperation({
    summary: 'Remove a member',
    description: 'Owners and Admins; an Owner only by an Owner; a team keeps one Owner.',
  })
  @ApiUuidParams('teamId', 'userId')
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiSession({ unsafe: true })
  @ApiProblems(404, 409)
  @HttpCode(204)
  @UseGuards(SessionGuard)
  async remove(
    @Param('teamId') teamIdParam: string,
    @Param('userId') userIdParam: string,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    const teamId = teamIdOf(teamIdParam);
    const command = { type: 'RemoveMember' as const, actorId: user.userId, userId: memberIdOf(userIdParam) };
    await this.teams.run(teamId, command, requestEventMetadata(request, user.userId, teamId));
  }
}
