import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

// A caller's id is kept when it is short and plain; anything else could forge log lines.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;
const ids = new WeakMap<object, string>();

interface HasHeaders {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/**
 * The id for a request with these headers: the caller's `x-request-id` when acceptable,
 * otherwise a new UUID. Each call for a request without an acceptable id gives a new one; a
 * Fastify instance takes it as its `genReqId`, so that `request.id` is the request's id.
 */
export function newRequestId(headers: HasHeaders['headers']): string {
  const offered = headers[REQUEST_ID_HEADER];
  return typeof offered === 'string' && ACCEPTABLE.test(offered) ? offered : randomUUID();
}

/**
 * The id of a request, as newRequestId gives it. The same request always gets the same id (it
 * is remembered per request object).
 */
export function requestIdOf(request: HasHeaders): string {
  const known = ids.get(request);
  if (known !== undefined) return known;
  const id = newRequestId(request.headers);
  ids.set(request, id);
  return id;
}
