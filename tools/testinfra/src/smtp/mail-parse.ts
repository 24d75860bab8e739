import { decodeBody, decodeHeaderValue } from './mime-decode';

/** What the sink reads from a message: enough for tests to assert on. */
export interface ParsedMail {
  subject: string;
  /** The first text/plain part, decoded; empty when there is none. */
  text: string;
}

interface MimePart {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): MimePart {
  const match = /\r?\n\r?\n/.exec(raw);
  const headerBlock = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : '';
  return { headers: parseHeaders(headerBlock), body };
}

/** Header names in lower case; folded lines joined. */
function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** "text/plain; charset=utf-8" → { type: 'text/plain', params: { charset: 'utf-8' } }. */
function contentType(part: MimePart): { type: string; params: Record<string, string> } {
  const [type = 'text/plain', ...rest] = (part.headers.get('content-type') ?? 'text/plain').split(';');
  const params: Record<string, string> = {};
  for (const param of rest) {
    const equals = param.indexOf('=');
    if (equals > 0) {
      params[param.slice(0, equals).trim().toLowerCase()] = param
        .slice(equals + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1');
    }
  }
  return { type: type.trim().toLowerCase(), params };
}

function childParts(body: string, boundary: string): MimePart[] {
  const delimiter = `--${boundary}`;
  return body
    .split(new RegExp(`\\r?\\n?${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
    .slice(1)
    .filter((chunk) => !chunk.startsWith('--'))
    .map((chunk) => splitPart(chunk.replace(/^[ \t]*\r?\n/, '')));
}

function findText(part: MimePart): string | undefined {
  const { type, params } = contentType(part);
  if (type === 'text/plain') {
    return decodeBody(part.body, part.headers.get('content-transfer-encoding') ?? '7bit', params.charset);
  }
  if (type.startsWith('multipart/') && params.boundary) {
    for (const child of childParts(part.body, params.boundary)) {
      const text = findText(child);
      if (text !== undefined) return text;
    }
  }
  return undefined;
}

/** Subject and plain-text body of an RFC 822 message (as received, ending in a line break). */
export function parseMail(raw: string): ParsedMail {
  const message = splitPart(raw.replace(/\r?\n$/, ''));
  return {
    subject: decodeHeaderValue(message.headers.get('subject') ?? ''),
    text: (findText(message) ?? '').replace(/\r\n/g, '\n'),
  };
}
