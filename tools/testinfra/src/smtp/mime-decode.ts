/** Decoding of the few MIME encodings a mail client uses: charsets, quoted-printable, base64. */

/** Text from bytes in the named charset; an unknown charset is read as UTF-8. */
export function decodeCharset(bytes: Uint8Array, charset = 'utf-8'): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Bytes of a quoted-printable text; `underscoreIsSpace` for the "Q" header encoding. */
export function quotedPrintableBytes(text: string, underscoreIsSpace = false): Uint8Array {
  const chars = Array.from(text.replace(/=\r?\n/g, ''));
  const bytes: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? '';
    const hex = `${chars[i + 1] ?? ''}${chars[i + 2] ?? ''}`;
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (char === '_' && underscoreIsSpace) {
      bytes.push(0x20);
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  return Uint8Array.from(bytes);
}

/** A body's text, given its Content-Transfer-Encoding and charset. */
export function decodeBody(body: string, transferEncoding: string, charset: string | undefined): string {
  switch (transferEncoding.toLowerCase()) {
    case 'base64':
      return decodeCharset(Buffer.from(body.replace(/\s+/g, ''), 'base64'), charset);
    case 'quoted-printable':
      return decodeCharset(quotedPrintableBytes(body), charset);
    default:
      return body;
  }
}

/** A header value with its RFC 2047 encoded words (=?utf-8?B?…?= and =?utf-8?Q?…?=) decoded. */
export function decodeHeaderValue(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(word, (_match, charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? decodeCharset(Buffer.from(text, 'base64'), charset)
        : decodeCharset(quotedPrintableBytes(text, true), charset),
    );
}
