import { Controller, Get, Header, Param } from '@nestjs/common';
import { type InvitationView, ViewInvitationQuery } from './view-invitation.query';

/** Public: the invitation a link leads to, shown before signing in to accept it. */
@Controller('api/v1/invitations')
export class ViewInvitationHttp {
  constructor(private readonly query: ViewInvitationQuery) {}

  @Get(':token')
  @Header('cache-control', 'no-store')
  @Header('referrer-policy', 'no-referrer')
  async view(@Param('token') token: string): Promise<InvitationView> {
    return this.query.of(token);
  }
}
