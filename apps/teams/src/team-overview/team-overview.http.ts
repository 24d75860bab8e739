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
import { teamIdOf } from '../shared/team-ids';
import { TeamOverview, TeamOverviewQuery } from './team-overview.query';

/** The Team Overview: members, roles, join dates, activity flags and pending invitations. */
@ApiTags('teams')
@Controller('api/v1/teams')
export class TeamOverviewHttp {
  constructor(private readonly query: TeamOverviewQuery) {}

  @Get(':teamId')
  @ApiOperation({
    summary: 'Team overview',
    description: 'Members with role, join date and activity, and pending invitations.',
  })
  @ApiUuidParams('teamId')
  @ApiOkResponse({ type: TeamOverview })
  @ApiSession({ unsafe: false })
  @ApiProblems(404)
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async overview(@Param('teamId') teamId: string, @CurrentUser() user: AuthenticatedUser): Promise<TeamOverview> {
    return this.query.of(teamIdOf(teamId), user.userId);
  }
}
