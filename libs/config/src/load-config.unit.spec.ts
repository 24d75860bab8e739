import { ConfigError } from './config-error';
import { loadServiceConfig } from './infrastructure.config';

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
});
