import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

// A caller's id is kept when it is short and plain; anything else could forge log lines.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;
const ids = new WeakMap<object, string>();

interface HasHeaders {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/**
 * The id of a request: the caller's `x-request-id` when acceptable, otherwise a new UUID.
 * The same request always gets the same id (it is remembered per request object).
 */
export function requestIdOf(request: HasHeaders): string {
  const known = ids.get(request);
  if (known !== undefined) return known;
  const offered = request.headers[REQUEST_ID_HEADER];
  const id = typeof offered === 'string' && ACCEPTABLE.test(offered) ? offered : randomUUID();
  ids.set(request, id);
  return id;
}
