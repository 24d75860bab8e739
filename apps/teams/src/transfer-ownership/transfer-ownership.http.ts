import { Body, Controller, Header, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, SessionGuard } from '@portal/platform';
import type { FastifyRequest } from 'fastify';
import { type MemberAnswer, memberAnswer } from '../shared/member-answer';
import { teamEventMetadata } from '../shared/request-context';
import { TeamCommands } from '../shared/team-commands';
import { teamIdOf } from '../shared/team-ids';
import { TransferOwnershipDto } from './transfer-ownership.dto';

/** An Owner hands the Owner role to another member and becomes an Admin. */
@Controller('api/v1/teams')
export class TransferOwnershipHttp {
  constructor(private readonly teams: TeamCommands) {}

  @Post(':teamId/transfer-ownership')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async transfer(
    @Param('teamId') teamIdParam: string,
    @Body() body: TransferOwnershipDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<{ owner: MemberAnswer; you: MemberAnswer }> {
    const teamId = teamIdOf(teamIdParam);
    const command = { type: 'TransferOwnership' as const, actorId: user.userId, userId: body.userId };
    const team = await this.teams.run(teamId, command, teamEventMetadata(request, user.userId, teamId));
    return { owner: memberAnswer(team, body.userId), you: memberAnswer(team, user.userId) };
  }
}
