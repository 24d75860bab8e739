import { Body, Controller, Header, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, ApiRequestedWith, clientOf } from '@portal/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LoginCsrfGuard } from '../sessions/login-csrf.guard';
import { sessionAnswer, SessionAnswer } from '../sessions/session-answer';
import { sessionCookie, sessionTokenOf } from '../sessions/session-cookie';
import { SESSION_POLICY } from '../sessions/session-policy';
import { SignInDto } from './sign-in.dto';
import { SignInHandler } from './sign-in.handler';

@ApiTags('auth')
@Controller('api/v1/auth')
export class SignInHttp {
  constructor(private readonly handler: SignInHandler) {}

  @Post('sign-in')
  @ApiOperation({
    summary: 'Sign in',
    description: 'Sets the portal_session cookie and ends the session the browser held, if any.',
  })
  @ApiOkResponse({
    type: SessionAnswer,
    headers: {
      'set-cookie': {
        description: 'portal_session=<token>; HttpOnly; SameSite=Lax; Path=/',
        schema: { type: 'string' },
      },
    },
  })
  @ApiRequestedWith()
  @ApiProblems(400, 401, 429)
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @UseGuards(LoginCsrfGuard)
  async signIn(
    @Body() body: SignInDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionAnswer> {
    const command = { email: body.email, password: body.password, previousToken: sessionTokenOf(request) };
    const { token, session, account } = await this.handler.handle(command, clientOf(request));
    void reply.header('set-cookie', sessionCookie(request, token, SESSION_POLICY.absoluteLifetimeMs / 1000));
    return sessionAnswer(account, session, token);
  }
}
