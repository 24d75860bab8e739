import { Body, Controller, Header, Param, Patch, Req, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, SessionGuard } from '@portal/platform';
import type { FastifyRequest } from 'fastify';
import { type MemberAnswer, memberAnswer } from '../shared/member-answer';
import { teamEventMetadata } from '../shared/request-context';
import { TeamCommands } from '../shared/team-commands';
import { memberIdOf, teamIdOf } from '../shared/team-ids';
import { ChangeMemberRoleDto } from './change-member-role.dto';

/** Changes a member's role (Owners and Admins; the Owner role only by an Owner; one Owner stays). */
@Controller('api/v1/teams')
export class ChangeMemberRoleHttp {
  constructor(private readonly teams: TeamCommands) {}

  @Patch(':teamId/members/:userId')
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
    const team = await this.teams.run(teamId, command, teamEventMetadata(request, user.userId, teamId));
    return memberAnswer(team, userId);
  }
}
