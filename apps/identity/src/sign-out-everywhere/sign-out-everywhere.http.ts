import { Controller, Header, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiSession, type AuthenticatedUser, CurrentUser, SessionGuard } from '@portal/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clearedSessionCookie } from '../sessions/session-cookie';
import { SessionsStore } from '../sessions/sessions.store';

/** Ends every session of the signed-in account, on every device (needs the CSRF token). */
@ApiTags('auth')
@Controller('api/v1/auth')
export class SignOutEverywhereHttp {
  constructor(private readonly sessions: SessionsStore) {}

  @Post('sign-out-everywhere')
  @ApiOperation({ summary: 'Sign out everywhere', description: 'Ends every session of the account, on every device.' })
  @ApiNoContentResponse({ description: 'Every session ended' })
  @ApiSession({ unsafe: true })
  @HttpCode(204)
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async signOutEverywhere(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.revokeAllOf(user.userId);
    void reply.header('set-cookie', clearedSessionCookie(request));
  }
}
