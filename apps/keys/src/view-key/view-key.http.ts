import { Controller, Get, Header, Param, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  ApiSession,
  ApiUuidParams,
  type AuthenticatedUser,
  CurrentUser,
  SessionGuard,
} from '@portal/platform';
import { KeysQuery } from '../list-keys/keys.query';
import { KeyAnswer } from '../shared/key-answer';
import { keyIdOf, teamIdOf } from '../shared/key-ids';

/** One of a team's API keys, for every member of the team. */
@ApiTags('keys')
@Controller('api/v1/teams')
export class ViewKeyHttp {
  constructor(private readonly query: KeysQuery) {}

  @Get(':teamId/keys/:keyId')
  @ApiOperation({ summary: 'View an API key', description: 'Every member. Never the key nor its hash.' })
  @ApiUuidParams('teamId', 'keyId')
  @ApiOkResponse({ type: KeyAnswer })
  @ApiSession({ unsafe: false })
  @ApiProblems(404)
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async view(
    @Param('teamId') teamId: string,
    @Param('keyId') keyId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<KeyAnswer> {
    return this.query.one(teamIdOf(teamId), keyIdOf(keyId), user.userId);
  }
}
