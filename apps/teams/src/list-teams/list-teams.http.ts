import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, SessionGuard } from '@portal/platform';
import { ListTeamsQuery, type MyTeam } from './list-teams.query';

/** The signed-in person's teams, with their role in each. */
@Controller('api/v1/teams')
export class ListTeamsHttp {
  constructor(private readonly query: ListTeamsQuery) {}

  @Get()
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async list(@CurrentUser() user: AuthenticatedUser): Promise<{ teams: MyTeam[] }> {
    return { teams: await this.query.of(user.userId) };
  }
}
