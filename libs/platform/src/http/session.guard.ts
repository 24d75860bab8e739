import { type CanActivate, createParamDecorator, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { SESSION_AUTHENTICATOR, type AuthenticatedUser, type SessionAuthenticator } from './authenticated-user';
import { UnauthenticatedError } from './http-errors';

const users = new WeakMap<object, AuthenticatedUser>();

/**
 * Lets a request through only with a valid session (401 otherwise) and, for POST, PUT, PATCH
 * and DELETE, the session's CSRF token (403 otherwise). Use with `@CurrentUser()`:
 *
 *   @UseGuards(SessionGuard) @Post() create(@CurrentUser() user: AuthenticatedUser) { … }
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(@Inject(SESSION_AUTHENTICATOR) private readonly authenticator: SessionAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    users.set(request, await this.authenticator.authenticate(request));
    return true;
  }
}

/** The user SessionGuard authenticated; throws 401 when used on a route without the guard. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = users.get(context.switchToHttp().getRequest<FastifyRequest>());
  if (user === undefined) throw new UnauthenticatedError();
  return user;
});
