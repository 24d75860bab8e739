import { Controller, Get, Header, Param, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, SessionGuard } from '@portal/platform';
import { teamIdOf } from '../shared/team-ids';
import { type TeamOverview, TeamOverviewQuery } from './team-overview.query';

/** The Team Overview: members, roles, join dates, activity flags and pending invitations. */
@Controller('api/v1/teams')
export class TeamOverviewHttp {
  constructor(private readonly query: TeamOverviewQuery) {}

  @Get(':teamId')
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async overview(@Param('teamId') teamId: string, @CurrentUser() user: AuthenticatedUser): Promise<TeamOverview> {
    return this.query.of(teamIdOf(teamId), user.userId);
  }
}
