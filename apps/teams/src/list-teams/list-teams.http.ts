import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiSession, type AuthenticatedUser, CurrentUser, SessionGuard } from '@portal/platform';
import { ListTeamsQuery, MyTeam } from './list-teams.query';

/** What GET /api/v1/teams answers. */
export class MyTeamsAnswer {
  @ApiProperty({ type: () => [MyTeam], description: 'By name' })
  readonly teams!: MyTeam[];
}

/** The signed-in person's teams, with their role in each. */
@ApiTags('teams')
@Controller('api/v1/teams')
export class ListTeamsHttp {
  constructor(private readonly query: ListTeamsQuery) {}

  @Get()
  @ApiOperation({ summary: 'My teams', description: "The signed-in person's teams, with their role in each." })
  @ApiOkResponse({ type: MyTeamsAnswer })
  @ApiSession({ unsafe: false })
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async list(@CurrentUser() user: AuthenticatedUser): Promise<MyTeamsAnswer> {
    return { teams: await this.query.of(user.userId) };
  }
}
