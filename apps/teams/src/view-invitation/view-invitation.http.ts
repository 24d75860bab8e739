import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@portal/platform';
import { InvitationView, ViewInvitationQuery } from './view-invitation.query';

/** Public: the invitation a link leads to, shown before signing in to accept it. */
@ApiTags('invitations')
@Controller('api/v1/invitations')
export class ViewInvitationHttp {
  constructor(private readonly query: ViewInvitationQuery) {}

  @Get(':token')
  @ApiOperation({
    summary: 'View an invitation (public)',
    description: 'What a link leads to, before signing in to accept it.',
  })
  @ApiParam({
    name: 'token',
    type: String,
    description: 'The token of the invitation link',
    example: 'q3Vd0xW8mJ2kPpZ7nR5tYc1uB4eH6aL9sF0gK3jD2oM',
  })
  @ApiOkResponse({ type: InvitationView })
  @ApiProblems(404, 410)
  @Header('cache-control', 'no-store')
  @Header('referrer-policy', 'no-referrer')
  async view(@Param('token') token: string): Promise<InvitationView> {
    return this.query.of(token);
  }
}
