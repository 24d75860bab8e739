import type { FastifyRequest } from 'fastify';
import { SESSION_POLICY } from './session-policy';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The session token from the request's cookies, or null when absent or malformed. */
export function sessionTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return null;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== SESSION_POLICY.cookieName) continue;
    const value = pair.slice(eq + 1).trim();
    return TOKEN_SHAPE.test(value) ? value : null;
  }
  return null;
}

/**
 * True when the browser reached us over https, directly or through a proxy that says so.
 * Trusting the header here is safe: at worst a cookie is marked Secure when it need not be.
 */
export function cameOverHttps(request: FastifyRequest): boolean {
  const forwarded = request.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  return request.protocol === 'https' || proto === 'https';
}

function cookie(request: FastifyRequest, value: string, maxAgeSeconds: number): string {
  const secure = cameOverHttps(request) ? '; Secure' : '';
  return `${SESSION_POLICY.cookieName}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure}`;
}

/** The Set-Cookie value that gives the browser a session token. */
export const sessionCookie = (request: FastifyRequest, token: string, maxAgeSeconds: number): string =>
  cookie(request, token, maxAgeSeconds);

/** The Set-Cookie value that makes the browser forget its session token. */
export const clearedSessionCookie = (request: FastifyRequest): string => cookie(request, '', 0);
