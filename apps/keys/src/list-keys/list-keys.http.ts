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
import { teamIdOf } from '../shared/key-ids';
import { KeyListAnswer, KeysQuery } from './keys.query';

/** Lists a team's API keys, for every member of the team. */
@ApiTags('keys')
@Controller('api/v1/teams')
export class ListKeysHttp {
  constructor(private readonly query: KeysQuery) {}

  @Get(':teamId/keys')
  @ApiOperation({
    summary: "List a team's API keys",
    description: 'Every member. Status as of now, last use, limits and rolls; never a key nor its hash.',
  })
  @ApiUuidParams('teamId')
  @ApiOkResponse({ type: KeyListAnswer })
  @ApiSession({ unsafe: false })
  @ApiProblems(404)
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async list(@Param('teamId') teamId: string, @CurrentUser() user: AuthenticatedUser): Promise<KeyListAnswer> {
    return this.query.list(teamIdOf(teamId), user.userId);
  }
}
