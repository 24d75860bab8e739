import type { FastifyRequest } from 'fastify';
import { CsrfError } from './http-errors';

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** True when `origin` names the host the request was sent to (default ports and case aside). */
function isOwnOrigin(origin: string, host: string): boolean {
  try {
    const from = new URL(origin);
    return new URL(`${from.protocol}//${host}`).host === from.host;
  } catch {
    return false; // `null` (opaque origins) and garbage are nobody's own origin
  }
}

/**
 * Refuses a browser request sent by another site: `Sec-Fetch-Site: cross-site`, or an
 * `Origin` whose host is not the one the request was sent to. Requests without these headers
 * (non-browser clients, older browsers) pass; the CSRF token or custom header still applies.
 */
export function assertSameOrigin(request: FastifyRequest): void {
  if (header(request, 'sec-fetch-site') === 'cross-site') throw new CsrfError();
  const origin = header(request, 'origin');
  if (origin === undefined) return;
  const host = header(request, 'host');
  if (host === undefined || !isOwnOrigin(origin, host)) throw new CsrfError();
}
