import type { IncomingHttpHeaders } from 'node:http';
import { KEY_HEADERS } from '../partner-api/presented-key';

/*
 * How a partner call becomes a call to the upstream API, and its answer an answer to the
 * partner: pure functions of URLs and headers, so the rules can be read and tested here.
 */

/** Headers that describe one connection, never forwarded across a proxy (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** What the gateway tells the upstream about a call; a caller's own values of these are dropped. */
export const GATEWAY_HEADERS = {
  keyId: 'x-cr3-key-id',
  teamId: 'x-cr3-team-id',
  requestId: 'x-request-id',
} as const;

/** Never sent upstream: the key, the caller's claims to be the gateway, the caller's Host, and `expect`. */
const NOT_FORWARDED = new Set<string>([...KEY_HEADERS, 'host', 'expect', ...Object.values(GATEWAY_HEADERS)]);
const GATEWAY_PREFIX = 'x-cr3-';

/** A path segment that moves up or stays put once an upstream normalises it: `.`, `..`, encoded or not. */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/** Characters without which a path can hold no dot segment and no backslash, encoded or not. */
const NEEDS_SEGMENT_CHECK = /[.%\\]/;

const hasDotSegmentOrBackslash = (path: string): boolean =>
  path.includes('\\') || /%5c/i.test(path) || path.split('/').some((segment) => DOT_SEGMENT.test(segment));

/** The path prefix an upstream URL adds: `https://api.example/base/` gives `/base`. */
export const basePathOf = (upstream: URL): string => upstream.pathname.replace(/\/+$/, '');

/**
 * The upstream path for a call's URL (path and query as received): the upstream URL's own path
 * followed by the call's, query kept. null when the path holds a dot segment or a backslash,
 * which could let an upstream that normalises paths resolve it outside `/v1/`.
 */
export function upstreamPathOf(basePath: string, requestUrl: string): string | null {
  const queryAt = requestUrl.indexOf('?');
  const path = queryAt < 0 ? requestUrl : requestUrl.slice(0, queryAt);
  // Most paths hold none of the characters a dot segment or a backslash is written with.
  if (NEEDS_SEGMENT_CHECK.test(path) && hasDotSegmentOrBackslash(path)) return null;
  return `${basePath}${requestUrl}`;
}

/** The options nearly every call's `Connection` header holds, which name no header to drop. */
const PLAIN_CONNECTION = /^\s*(?:keep-alive|close)\s*$/i;

/** The headers a `Connection` header names, which are hop-by-hop for that message too. */
function connectionListed(headers: IncomingHttpHeaders): ReadonlySet<string> | null {
  const connection = headers.connection;
  if (connection === undefined || connection === 'keep-alive' || PLAIN_CONNECTION.test(connection)) return null;
  return new Set(connection.split(',').map((name) => name.trim().toLowerCase()));
}

type OutgoingHeaders = Record<string, string | string[]>;

function withoutHopByHop(headers: IncomingHttpHeaders, alsoDrop: (name: string) => boolean): OutgoingHeaders {
  const listed = connectionListed(headers);
  const kept: OutgoingHeaders = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || HOP_BY_HOP.has(name) || alsoDrop(name) || listed?.has(name) === true) continue;
    kept[name] = value;
  }
  return kept;
}

const droppedUpstream = (name: string): boolean => NOT_FORWARDED.has(name) || name.startsWith(GATEWAY_PREFIX);

/** The call's headers for the upstream: hop-by-hop and key headers removed, the gateway's added. */
export function upstreamHeadersOf(
  headers: IncomingHttpHeaders,
  call: { readonly keyId: string; readonly teamId: string; readonly requestId: string },
): OutgoingHeaders {
  const forwarded = withoutHopByHop(headers, droppedUpstream);
  forwarded[GATEWAY_HEADERS.keyId] = call.keyId;
  forwarded[GATEWAY_HEADERS.teamId] = call.teamId;
  forwarded[GATEWAY_HEADERS.requestId] = call.requestId;
  return forwarded;
}

const droppedDownstream = (name: string): boolean => name === GATEWAY_HEADERS.requestId;

/** The upstream answer's headers for the caller: hop-by-hop removed (the gateway sets its own request id). */
export const responseHeadersOf = (headers: IncomingHttpHeaders): OutgoingHeaders =>
  withoutHopByHop(headers, droppedDownstream);

/** Whether the call carries a body to stream upstream. */
export const hasBody = (headers: IncomingHttpHeaders): boolean =>
  headers['transfer-encoding'] !== undefined ||
  (headers['content-length'] !== undefined && headers['content-length'] !== '0');
