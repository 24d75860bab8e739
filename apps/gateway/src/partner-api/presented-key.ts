import { hash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The headers a partner application may present its key in; both are removed before forwarding. */
export const KEY_HEADERS = ['authorization', 'x-api-key'] as const;

/** `Bearer`, any case, then a space or a tab: the token starts after them (and any more blanks). */
const BEARER = /^Bearer[ \t]/i;
const BEARER_LENGTH = 'Bearer '.length;

/**
 * The key a call presents: `Authorization: Bearer <key>`, else `x-api-key: <key>`; undefined
 * when neither is there. What is returned is only a candidate: parseKey checks it.
 */
export function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  if (authorization !== undefined) {
    return BEARER.test(authorization) ? authorization.slice(BEARER_LENGTH).trim() : undefined;
  }
  const apiKey = headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey.trim() : undefined;
}

/**
 * The SHA-256 of a key in lowercase hex: all the keys service stores and the cache is keyed by.
 * The one-shot `hash` spares the Hash object createHash makes on every call.
 */
export const secretHashOf = (key: string): string => hash('sha256', key, 'hex');
