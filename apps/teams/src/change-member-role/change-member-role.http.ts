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
import { MemberAnswer, memberAnswer } from '../shared/member-answer';
import { TeamCommands } from '../shared/team-commands';
import { memberIdOf, teamIdOf } from '../shared/team-ids';
import { ChangeMemberRoleDto } from './change-member-role.dto';

/** Changes a member's role (Owners and Admins; the Owner role only by an Owner; one Owner stays). */
@ApiTags('members')
@Controller('api/v1/teams')
export class ChangeMemberRoleHttp {
  constructor(private readonly teams: TeamCommands) {}

  @Patch(':teamId/members/:userId')
  @ApiOperation({
    summary: "Change a member's role",
    description: 'Owners and Admins; the Owner role only by an Owner; a team keeps one Owner.',
  })
  @ApiUuidParams('teamId', 'userId')
  @ApiOkResponse({ type: MemberAnswer })
  @ApiSession({ unsafe: true })
  @ApiProblems(400, 404, 409)
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async change(
    @Param('teamId') teamIdParam: string,
    @Param('userId') userIdParam: string,
    @Body() body: ChangeMemberRoleDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<MemberAnswer> {
    const teamId = teamIdOf(teamIdParam);
    const userId = memberIdOf(userIdParam);
    const command = { type: 'ChangeMemberRole' as const, actorId: user.userId, userId, role: body.role };
    const team = await this.teams.run(teamId, command, requestEventMetadata(request, user.userId, teamId));
    return memberAnswer(team, userId);
  }
}
