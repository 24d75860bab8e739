import { Controller, Header, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiSession, SessionGuard, UnauthenticatedError } from '@portal/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clearedSessionCookie, sessionTokenOf } from '../sessions/session-cookie';
import { SessionsStore } from '../sessions/sessions.store';

/** Ends this browser's session (needs the session's CSRF token). */
@ApiTags('auth')
@Controller('api/v1/auth')
export class SignOutHttp {
  constructor(private readonly sessions: SessionsStore) {}

  @Post('sign-out')
  @ApiOperation({ summary: 'Sign out', description: 'Ends this session and clears the cookie.' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiSession({ unsafe: true })
  @HttpCode(204)
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async signOut(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = sessionTokenOf(request);
    if (token === null) throw new UnauthenticatedError();
    await this.sessions.revoke(token);
    void reply.header('set-cookie', clearedSessionCookie(request));
  }
}
