import { Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
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
import { teamIdOf } from '../shared/team-ids';

/** The signed-in member leaves the team (the last Owner must hand over first). */
@ApiTags('members')
@Controller('api/v1/teams')
export class LeaveTeamHttp {
  constructor(private readonly teams: TeamCommands) {}

  @Post(':teamId/leave')
  @ApiOperation({ summary: 'Leave a team', description: 'The last Owner must hand over first (409 TEAM.LAST_OWNER).' })
  @ApiUuidParams('teamId')
  @ApiNoContentResponse({ description: 'Left' })
  @ApiSession({ unsafe: true })
  @ApiProblems(404, 409)
  @HttpCode(204)
  @UseGuards(SessionGuard)
  async leave(
    @Param('teamId') teamIdParam: string,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    const teamId = teamIdOf(teamIdParam);
    await this.teams.run(
      teamId,
      { type: 'LeaveTeam', actorId: user.userId },
      requestEventMetadata(request, user.userId, teamId),
    );
  }
}
