import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { CsrfError } from '@portal/platform';
import type { FastifyRequest } from 'fastify';
import { assertSameOrigin } from '@portal/platform';

export const REQUESTED_WITH_HEADER = 'x-requested-with';

/**
 * Guards sign-up and sign-in, which have no session yet, against login CSRF (a foreign page
 * signing the browser into the attacker's account): the request must carry an
 * `x-requested-with` header, which a cross-site form cannot send and a cross-site script can
 * send only after a CORS preflight the portal never grants, and must not come from another
 * origin.
 */
@Injectable()
export class LoginCsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const marker = request.headers[REQUESTED_WITH_HEADER];
    if (typeof marker !== 'string' || marker.trim() === '') {
      throw new CsrfError(`Send the header ${REQUESTED_WITH_HEADER} (e.g. XMLHttpRequest) with this request`);
    }
    assertSameOrigin(request);
    return true;
  }
}
