import { Controller, Get, Header, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiSession, type AuthenticatedUser, CurrentUser, SessionGuard, UnauthenticatedError } from '@portal/platform';
import type { FastifyRequest } from 'fastify';
import { sessionAnswer, SessionAnswer } from '../sessions/session-answer';
import { sessionTokenOf } from '../sessions/session-cookie';
import { SessionsStore } from '../sessions/sessions.store';

/** Who the session belongs to, with the session's CSRF token for the page to use. */
@ApiTags('auth')
@Controller('api/v1/auth')
export class MeHttp {
  constructor(private readonly sessions: SessionsStore) {}

  @Get('me')
  @ApiOperation({
    summary: 'The signed-in person',
    description: "With the session's CSRF token; keeps the session alive.",
  })
  @ApiOkResponse({ type: SessionAnswer })
  @ApiSession({ unsafe: false })
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async me(@CurrentUser() user: AuthenticatedUser, @Req() request: FastifyRequest): Promise<SessionAnswer> {
    const token = sessionTokenOf(request);
    const session = token === null ? null : await this.sessions.findByToken(token);
    if (token === null || session === null) throw new UnauthenticatedError();
    return sessionAnswer(user, session, token);
  }
}
