import { Body, Controller, Header, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiProblems, ApiRequestedWith, requestEventMetadata } from '@portal/platform';
import type { FastifyRequest } from 'fastify';
import { LoginCsrfGuard } from '../sessions/login-csrf.guard';
import { SignUpDto } from './sign-up.dto';
import { SignUpHandler } from './sign-up.handler';

export class SignUpAnswer {
  @ApiProperty({ type: String, enum: ['accepted'], example: 'accepted' })
  readonly status!: 'accepted';

  @ApiProperty({ type: String, example: 'Sign-up received. Sign in with your email and password.' })
  readonly message!: string;
}

/** The same answer whether or not the email was free: sign-up never says an email is taken. */
export const SIGN_UP_ANSWER: SignUpAnswer = {
  status: 'accepted',
  message: 'Sign-up received. Sign in with your email and password.',
};

@ApiTags('auth')
@Controller('api/v1/auth')
export class SignUpHttp {
  constructor(private readonly handler: SignUpHandler) {}

  @Post('sign-up')
  @ApiOperation({ summary: 'Create an account', description: 'The same answer whether or not the email was free.' })
  @ApiAcceptedResponse({ type: SignUpAnswer })
  @ApiRequestedWith()
  @ApiProblems(400)
  @HttpCode(202)
  @Header('cache-control', 'no-store')
  @UseGuards(LoginCsrfGuard)
  async signUp(@Body() body: SignUpDto, @Req() request: FastifyRequest): Promise<SignUpAnswer> {
    await this.handler.handle(body, (userId) => requestEventMetadata(request, userId, null));
    return SIGN_UP_ANSWER;
  }
}
