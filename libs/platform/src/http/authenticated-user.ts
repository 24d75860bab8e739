import type { FastifyRequest } from 'fastify';

/** The person behind a request's session, as every service sees them. */
export interface AuthenticatedUser {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  /** The session's public id (not its token). */
  readonly sessionId: string;
}

/**
 * Tells who sent a request from its session, and for a state-changing request checks that it
 * came from the portal's own pages (CSRF). Throws UnauthenticatedError (401) or CsrfError (403).
 * Bound to SESSION_AUTHENTICATOR by the identity service in its process; a service running on
 * its own binds an adapter that asks identity.
 */
export interface SessionAuthenticator {
  authenticate(request: FastifyRequest): Promise<AuthenticatedUser>;
}

export const SESSION_AUTHENTICATOR = Symbol('SessionAuthenticator');
