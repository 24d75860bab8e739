import { Injectable } from '@nestjs/common';
import { type AuthenticatedUser, CsrfError, type SessionAuthenticator, UnauthenticatedError } from '@portal/platform';
import type { FastifyRequest } from 'fastify';
import { CredentialsStore } from '../accounts/credentials.store';
import { UserActivityRecorder } from '../activity/user-activity.recorder';
import { assertSameOrigin } from '@portal/platform';
import { sessionTokenOf } from './session-cookie';
import { isSessionExpired, isTouchDue } from './session-expiry';
import { csrfTokenOf, sameSecret } from './session-token';
import { SessionsStore } from './sessions.store';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Authenticates requests by their session cookie, in the identity service's process: the
 * session must exist and be neither idle for 30 minutes nor past its 12 hours; a
 * state-changing request must also come from the same origin and carry the session's CSRF
 * token in `x-csrf-token`.
 */
@Injectable()
export class IdentitySessionAuthenticator implements SessionAuthenticator {
  constructor(
    private readonly sessions: SessionsStore,
    private readonly credentials: CredentialsStore,
    private readonly activity: UserActivityRecorder,
  ) {}

  async authenticate(request: FastifyRequest): Promise<AuthenticatedUser> {
    const token = sessionTokenOf(request);
    if (token === null) throw new UnauthenticatedError();
    const now = new Date();
    const session = await this.sessions.findByToken(token);
    if (session === null) throw new UnauthenticatedError();
    if (isSessionExpired(session, now)) {
      await this.sessions.revoke(token);
      throw new UnauthenticatedError('The session has ended; sign in again');
    }
    const account = await this.credentials.get(session.userId);
    if (account === null) throw new UnauthenticatedError();
    if (!SAFE_METHODS.has(request.method)) assertCsrfProof(request, token);
    if (isTouchDue(session, now)) {
      await this.sessions.touch(token, now);
      await this.activity.record(session.userId, now);
    }
    const { userId, email, displayName } = account;
    return { userId, email, displayName, sessionId: session.sessionId };
  }
}

function assertCsrfProof(request: FastifyRequest, token: string): void {
  assertSameOrigin(request);
  const offered = request.headers[CSRF_HEADER];
  if (typeof offered !== 'string' || !sameSecret(offered, csrfTokenOf(token))) throw new CsrfError();
}
