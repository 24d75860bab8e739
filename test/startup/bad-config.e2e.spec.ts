import { freePort } from '@portal/testinfra';
import { ServiceProcess } from '../support/service-process';

/** Starts the built portal with `env` and expects it to stop by itself with one line. */
async function failedStart(env: Record<string, string>): Promise<{ code: number | null; lines: string[] }> {
  const port = await freePort();
  const portal = ServiceProcess.built('portal', { PORT: String(port), ...env });
  const stopper = setTimeout(() => void portal.stop(), 20_000);
  const { code, stderr, stdout } = await portal.exited;
  clearTimeout(stopper);
  expect(stdout).toBe('');
  return { code, lines: stderr.split('\n').filter((line) => line.length > 0) };
}

describe('a wrong configuration stops the process with one clear line', () => {
  it('unreachable KAFKA_BROKERS', async () => {
    const closedPort = await freePort();
    const { code, lines } = await failedStart({ BUS: 'kafka', KAFKA_BROKERS: `127.0.0.1:${closedPort}` });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^portal: cannot start: KAFKA_BROKERS: cannot reach a Kafka broker at 127\\.0\\.0\\.1:${closedPort} \\(.+\\)$`,
      ),
    );
  });

  it('malformed DATABASE_URL, its value not echoed', async () => {
    const { code, lines } = await failedStart({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres//portal:s3cret@db' });
    expect(code).toBe(1);
    expect(lines).toEqual([
      'portal: cannot start: DATABASE_URL is not a valid URL (expected postgres: or postgresql://host:port/…)',
    ]);
  });

  it('unreachable DATABASE_URL, the password not echoed', async () => {
    const closedPort = await freePort();
    const { code, lines } = await failedStart({
      EVENT_STORE: 'postgres',
      DATABASE_URL: `postgres://portal:s3cret@127.0.0.1:${closedPort}/portal`,
    });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^portal: cannot start: DATABASE_URL: cannot reach PostgreSQL at 127\.0\.0\.1:\d+ \(.+\)$/,
    );
    expect(lines[0]).not.toContain('s3cret');
  });

  it('several problems at once, in one line', async () => {
    const { code, lines } = await failedStart({ BUS: 'kafka', READ_STORE: 'mongo', PORT: 'eighty' });
    expect(code).toBe(1);
    expect(lines).toEqual([
      'portal: cannot start: READ_STORE must be one of embedded, mongodb; KAFKA_BROKERS is required when BUS=kafka; PORT must be a whole number between 0 and 65535',
    ]);
  });
});
