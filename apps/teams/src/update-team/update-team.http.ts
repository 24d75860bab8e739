import { Body, Controller, Header, Param, Patch, Req, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, SessionGuard } from '@portal/platform';
import type { FastifyRequest } from 'fastify';
import { teamEventMetadata } from '../shared/request-context';
import { type TeamAnswer, teamAnswer } from '../shared/team-answer';
import { TeamCommands } from '../shared/team-commands';
import { teamIdOf } from '../shared/team-ids';
import { UpdateTeamDto } from './update-team.dto';

/** Renames a team or changes its description (Owners and Admins). */
@Controller('api/v1/teams')
export class UpdateTeamHttp {
  constructor(private readonly teams: TeamCommands) {}

  @Patch(':teamId')
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
    const team = await this.teams.run(teamId, command, teamEventMetadata(request, user.userId, teamId));
    return teamAnswer(team, user.userId);
  }
}
