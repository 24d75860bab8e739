import { Body, Controller, Header, Param, Patch, Req, UseGuards } from '@nestjs/common';
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
import { TeamAnswer, teamAnswer } from '../shared/team-answer';
import { TeamCommands } from '../shared/team-commands';
import { teamIdOf } from '../shared/team-ids';
import { UpdateTeamDto } from './update-team.dto';

/** Renames a team or changes its description (Owners and Admins). */
@ApiTags('teams')
@Controller('api/v1/teams')
export class UpdateTeamHttp {
  constructor(private readonly teams: TeamCommands) {}

  @Patch(':teamId')
  @ApiOperation({ summary: 'Update a team', description: 'Rename it or change its description (Owners and Admins).' })
  @ApiUuidParams('teamId')
  @ApiOkResponse({ type: TeamAnswer })
  @ApiSession({ unsafe: true })
  @ApiProblems(400, 404)
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async update(
    @Param('teamId') teamIdParam: string,
    @Body() body: UpdateTeamDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<TeamAnswer> {
    const teamId = teamIdOf(teamIdParam);
    const command = { type: 'UpdateTeam' as const, actorId: user.userId, ...body };
    const team = await this.teams.run(teamId, command, requestEventMetadata(request, user.userId, teamId));
    return teamAnswer(team, user.userId);
  }
}
