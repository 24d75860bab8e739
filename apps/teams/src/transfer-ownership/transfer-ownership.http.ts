import { Body, Controller, Header, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
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
import { teamIdOf } from '../shared/team-ids';
import { TransferOwnershipDto } from './transfer-ownership.dto';

/** What transfer-ownership answers: the new Owner and the caller, now an Admin. */
export class OwnershipTransferAnswer {
  @ApiProperty({ type: () => MemberAnswer })
  readonly owner!: MemberAnswer;

  @ApiProperty({ type: () => MemberAnswer })
  readonly you!: MemberAnswer;
}

/** An Owner hands the Owner role to another member and becomes an Admin. */
@ApiTags('members')
@Controller('api/v1/teams')
export class TransferOwnershipHttp {
  constructor(private readonly teams: TeamCommands) {}

  @Post(':teamId/transfer-ownership')
  @ApiOperation({
    summary: 'Transfer ownership',
    description: 'An Owner hands the Owner role to another member and becomes an Admin.',
  })
  @ApiUuidParams('teamId')
  @ApiOkResponse({ type: OwnershipTransferAnswer })
  @ApiSession({ unsafe: true })
  @ApiProblems(400, 404)
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async transfer(
    @Param('teamId') teamIdParam: string,
    @Body() body: TransferOwnershipDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<OwnershipTransferAnswer> {
    const teamId = teamIdOf(teamIdParam);
    const command = { type: 'TransferOwnership' as const, actorId: user.userId, userId: body.userId };
    const team = await this.teams.run(teamId, command, requestEventMetadata(request, user.userId, teamId));
    return { owner: memberAnswer(team, body.userId), you: memberAnswer(team, user.userId) };
  }
}
