import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ServiceConfig } from '@portal/config';
import { CodedError } from '@portal/event-sourcing/domain';
import type { FastifyRequest } from 'fastify';
import { SERVICE_CONFIG } from '../service-config.token';
import type { AuthenticatedUser, SessionAuthenticator } from './authenticated-user';
import { CsrfError, UnauthenticatedError } from './http-errors';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id';
import { assertSameOrigin } from './same-origin';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CSRF_HEADER = 'x-csrf-token';
const TIMEOUT_MS = 5_000;

/** The identity service could not say who sent the request (HTTP 503). */
export class AuthUnavailableError extends CodedError {
  readonly code = 'AUTH.UNAVAILABLE';
  constructor(cause?: unknown) {
    super('Sessions cannot be checked right now; try again shortly', {}, { cause });
  }
}

/** What identity's `GET /api/v1/auth/me` answers about a session. */
interface MeAnswer extends AuthenticatedUser {
  readonly csrfToken: string;
}

function isMeAnswer(value: unknown): value is MeAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const answer = value as Record<string, unknown>;
  return ['userId', 'email', 'displayName', 'sessionId', 'csrfToken'].every((key) => typeof answer[key] === 'string');
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
const sameSecret = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));

/**
 * Authenticates requests for a service running in a process of its own, by asking the
 * identity service (`IDENTITY_URL`) `GET /api/v1/auth/me` with the request's Cookie header:
 * identity checks the session (and keeps it alive) exactly as for its own routes. For POST,
 * PUT, PATCH and DELETE it then applies identity's CSRF rules here: the same-origin check on
 * this request's headers, and the `x-csrf-token` header compared (in constant time) with the
 * session's CSRF token that `/me` returned. A session token is never logged or kept.
 */
@Injectable()
export class RemoteSessionAuthenticator implements SessionAuthenticator {
  private readonly meUrl: string;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.meUrl = new URL('/api/v1/auth/me', config.IDENTITY_URL).href;
  }

  async authenticate(request: FastifyRequest): Promise<AuthenticatedUser> {
    const cookie = request.headers.cookie;
    if (typeof cookie !== 'string' || cookie === '') throw new UnauthenticatedError();
    const me = await this.askIdentity(cookie, requestIdOf(request));
    if (!SAFE_METHODS.has(request.method)) {
      assertSameOrigin(request);
      const offered = request.headers[CSRF_HEADER];
      if (typeof offered !== 'string' || !sameSecret(offered, me.csrfToken)) throw new CsrfError();
    }
    const { userId, email, displayName, sessionId } = me;
    return { userId, email, displayName, sessionId };
  }

  private async askIdentity(cookie: string, requestId: string): Promise<MeAnswer> {
    let status: number;
    let body: unknown;
    try {
      const response = await fetch(this.meUrl, {
        headers: { cookie, accept: 'application/json', [REQUEST_ID_HEADER]: requestId },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = response.status;
      body = response.ok ? await response.json() : null;
    } catch (error) {
      throw new AuthUnavailableError(error);
    }
    if (status === 401) throw new UnauthenticatedError();
    if (!isMeAnswer(body)) throw new AuthUnavailableError(new Error(`identity answered ${status}`));
    return body;
  }
}
