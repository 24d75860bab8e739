import { Body, Controller, Header, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidv7 } from '@portal/event-sourcing';
import {
  ApiProblems,
  ApiSession,
  type AuthenticatedUser,
  CurrentUser,
  requestEventMetadata,
  SessionGuard,
} from '@portal/platform';
import type { FastifyRequest } from 'fastify';
import { TeamCommands } from '../shared/team-commands';
import { TeamAnswer, teamAnswer } from '../shared/team-answer';
import { CreateTeamDto } from './create-team.dto';

/** Creates a team; the person creating it is its Owner. */
@ApiTags('teams')
@Controller('api/v1/teams')
export class CreateTeamHttp {
  constructor(private readonly teams: TeamCommands) {}

  @Post()
  @ApiOperation({ summary: 'Create a team', description: 'The person creating it is its Owner.' })
  @ApiCreatedResponse({ type: TeamAnswer })
  @ApiSession({ unsafe: true })
  @ApiProblems(400)
  @HttpCode(201)
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async create(
    @Body() body: CreateTeamDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<TeamAnswer> {
    const teamId = uuidv7();
    const command = {
      type: 'CreateTeam' as const,
      teamId,
      name: body.name,
      description: body.description ?? '',
      actorId: user.userId,
      actorEmail: user.email,
    };
    const team = await this.teams.run(teamId, command, requestEventMetadata(request, user.userId, teamId));
    return teamAnswer(team, user.userId);
  }
}
