/**
 * Parsers for environment variables. Each returns the typed value or throws an Error whose
 * message completes the sentence "<VARIABLE> …" and does not repeat the raw value.
 */
export type Parser<T> = (raw: string) => T;

export const text: Parser<string> = (raw) => raw;

export function oneOf<const T extends readonly string[]>(values: T): Parser<T[number]> {
  const isOneOf = (raw: string): raw is T[number] => (values as readonly string[]).includes(raw);
  return (raw) => {
    if (!isOneOf(raw)) throw new Error(`must be one of ${values.join(', ')}`);
    return raw;
  };
}

export function integer(min: number, max: number): Parser<number> {
  return (raw) => {
    if (!/^\d+$/.test(raw)) throw new Error(`must be a whole number between ${min} and ${max}`);
    const value = Number(raw);
    if (value < min || value > max) throw new Error(`must be between ${min} and ${max}`);
    return value;
  };
}

export const port: Parser<number> = integer(0, 65535);

/** Text matching `regex`; `description` completes "must be …". */
export function pattern(regex: RegExp, description: string): Parser<string> {
  return (raw) => {
    if (!regex.test(raw)) throw new Error(`must be ${description}`);
    return raw;
  };
}

/** A secret of at least `minLength` printable characters; the error never repeats it. */
export function secret(minLength: number): Parser<string> {
  return (raw) => {
    if (raw.length < minLength) throw new Error(`must be at least ${minLength} characters long`);
    if (!/^[\x21-\x7e]+$/.test(raw)) throw new Error('must be printable ASCII without spaces');
    return raw;
  };
}

export function url(protocols: readonly string[]): Parser<URL> {
  return (raw) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new Error(`is not a valid URL (expected ${protocols.join(' or ')}//host:port/…)`);
    }
    if (!protocols.includes(parsed.protocol)) {
      throw new Error(`must use ${protocols.join(' or ')} (got ${parsed.protocol})`);
    }
    if (!parsed.hostname) throw new Error('must name a host');
    return parsed;
  };
}

/** A comma-separated list of host:port pairs, as Kafka clients take them. */
export const hostPortList: Parser<string[]> = (raw) => {
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (entries.length === 0) throw new Error('must list at least one host:port');
  for (const entry of entries) {
    const match = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(entry);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 65535) {
      throw new Error('must be a comma-separated list of host:port (e.g. 127.0.0.1:9092)');
    }
  }
  return entries;
};
