import { ConfigError } from './config-error';
import { consumerGroup, loadServiceConfig } from './infrastructure.config';

const problemsOf = (env: Record<string, string>): string => {
  try {
    loadServiceConfig(3000, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
};

describe('service configuration', () => {
  it('defaults to embedded everything on 127.0.0.1 and the service port', () => {
    expect(loadServiceConfig(3004, {})).toEqual(
      expect.objectContaining({
        EVENT_STORE: 'embedded',
        BUS: 'inprocess',
        READ_STORE: 'embedded',
        DATA_DIR: './data',
        HOST: '127.0.0.1',
        PORT: 3004,
        KAFKA_BROKERS: undefined,
      }),
    );
  });

  it('defaults the invitation and mail settings, and parses them when given', () => {
    const defaults = loadServiceConfig(3002, {});
    expect(defaults.INVITATION_TTL_DAYS).toBe(7);
    expect(defaults.PUBLIC_URL.href).toBe('http://127.0.0.1:3000/');
    expect(defaults.IDENTITY_URL.href).toBe('http://127.0.0.1:3001/');
    expect(defaults.MAIL_FROM).toContain('@');
    const given = loadServiceConfig(3002, {
      INVITATION_TTL_DAYS: '3',
      PUBLIC_URL: 'https://portal.example.com',
      IDENTITY_URL: 'http://identity:3001',
      MAIL_FROM: 'Portal <portal@example.com>',
    });
    expect(given.INVITATION_TTL_DAYS).toBe(3);
    expect(given.PUBLIC_URL.host).toBe('portal.example.com');
    expect(given.IDENTITY_URL.host).toBe('identity:3001');
    expect(given.MAIL_FROM).toBe('Portal <portal@example.com>');
  });

  it('refuses an invitation lifetime outside 1 to 90 days and a public URL that is not http(s)', () => {
    expect(problemsOf({ INVITATION_TTL_DAYS: '0' })).toContain('INVITATION_TTL_DAYS must be between 1 and 90');
    expect(problemsOf({ PUBLIC_URL: 'ftp://portal.example.com' })).toContain('PUBLIC_URL must use http: or https:');
  });

  it('parses the server variables into typed values', () => {
    const config = loadServiceConfig(3000, {
      BUS: 'kafka',
      KAFKA_BROKERS: '127.0.0.1:9092, broker-2:19092',
      EVENT_STORE: 'postgres',
      DATABASE_URL: 'postgres://portal:secret@db:5432/portal',
      PORT: '8080',
    });
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', 'broker-2:19092']);
    expect(config.DATABASE_URL?.hostname).toBe('db');
    expect(config.PORT).toBe(8080);
  });

  it('names the variable of a malformed DATABASE_URL, without echoing its value', () => {
    const message = problemsOf({ DATABASE_URL: 'not a url with password hunter2' });
    expect(message).toBe('DATABASE_URL is not a valid URL (expected postgres: or postgresql://host:port/…)');
    expect(message).not.toContain('hunter2');
  });

  it('refuses a URL of the wrong kind', () => {
    expect(problemsOf({ MONGODB_URI: 'http://127.0.0.1:27017' })).toBe(
      'MONGODB_URI must use mongodb: or mongodb+srv: (got http:)',
    );
  });

  it('requires the connection variable of a selected server adapter', () => {
    expect(problemsOf({ BUS: 'kafka' })).toBe('KAFKA_BROKERS is required when BUS=kafka');
    expect(problemsOf({ EVENT_STORE: 'postgres' })).toBe('DATABASE_URL is required when EVENT_STORE=postgres');
    expect(problemsOf({ READ_STORE: 'mongodb' })).toBe('MONGODB_URI is required when READ_STORE=mongodb');
  });

  it('refuses unknown adapters, bad ports and bad broker lists, all in one line', () => {
    const message = problemsOf({ BUS: 'rabbit', PORT: '70000', KAFKA_BROKERS: 'localhost' });
    expect(message).toBe(
      'BUS must be one of inprocess, kafka; KAFKA_BROKERS must be a comma-separated list of host:port (e.g. 127.0.0.1:9092); PORT must be between 0 and 65535',
    );
    expect(message).not.toContain('\n');
  });

  it('takes the gateway settings: upstreams optional, an internal token of 32+ characters never echoed', () => {
    const defaults = loadServiceConfig(3000, {});
    expect(defaults.UPSTREAM_URL).toBeUndefined();
    expect(defaults.UPSTREAM_SANDBOX_URL).toBeUndefined();
    expect(defaults.INTERNAL_TOKEN).toBeUndefined();
    expect(defaults.KEYS_URL.href).toBe('http://127.0.0.1:3003/');
    const token = 'x'.repeat(40);
    const given = loadServiceConfig(3000, {
      UPSTREAM_URL: 'https://api.example.com/v1',
      UPSTREAM_SANDBOX_URL: 'https://sandbox.example.com',
      INTERNAL_TOKEN: token,
      KEYS_URL: 'http://keys:3003',
    });
    expect(given.UPSTREAM_URL?.href).toBe('https://api.example.com/v1');
    expect(given.UPSTREAM_SANDBOX_URL?.host).toBe('sandbox.example.com');
    expect(given.INTERNAL_TOKEN).toBe(token);
    const short = 'short-token-value';
    const message = problemsOf({ INTERNAL_TOKEN: short, UPSTREAM_URL: 'ftp://x' });
    expect(message).toBe(
      'INTERNAL_TOKEN must be at least 32 characters long; UPSTREAM_URL must use http: or https: (got ftp:)',
    );
    expect(message).not.toContain(short);
    expect(problemsOf({ INTERNAL_TOKEN: `${'y'.repeat(32)} z` })).toBe(
      'INTERNAL_TOKEN must be printable ASCII without spaces',
    );
  });

  it('prefixes consumer groups with BUS_GROUP_PREFIX when given, and refuses a prefix that is not a plain name', () => {
    expect(consumerGroup(loadServiceConfig(3000, {}), 'projection')).toBe('projection');
    expect(consumerGroup(loadServiceConfig(3000, { BUS_GROUP_PREFIX: 'staging-eu' }), 'keys.last-used')).toBe(
      'staging-eu.keys.last-used',
    );
    expect(problemsOf({ BUS_GROUP_PREFIX: 'a b' })).toBe(
      "BUS_GROUP_PREFIX must be letters, digits, '_' and '-', at most 60",
    );
  });
});
