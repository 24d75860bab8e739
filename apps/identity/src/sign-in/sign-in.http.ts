import { Body, Controller, Header, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientOf } from '../request-context';
import { LoginCsrfGuard } from '../sessions/login-csrf.guard';
import { sessionAnswer, type SessionAnswer } from '../sessions/session-answer';
import { sessionCookie, sessionTokenOf } from '../sessions/session-cookie';
import { SESSION_POLICY } from '../sessions/session-policy';
import { SignInDto } from './sign-in.dto';
import { SignInHandler } from './sign-in.handler';

@Controller('api/v1/auth')
export class SignInHttp {
  constructor(private readonly handler: SignInHandler) {}

  @Post('sign-in')
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
