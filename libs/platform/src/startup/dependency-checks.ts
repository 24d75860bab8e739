import type { InfrastructureConfig } from '@portal/config';
import { Kafka, logLevel } from 'kafkajs';
import { StartupError } from './startup-error';
import { withTimeout } from './with-timeout';

const CHECK_TIMEOUT_MS = 8_000;

export interface DependencyCheck {
  /** The variable the user would fix when this check fails. */
  readonly variable: string;
  readonly describe: string;
  run(): Promise<void>;
}

/**
 * One check per server the configuration selects, each proving the server answers. The drivers
 * of PostgreSQL, MongoDB and SMTP are loaded by their checks, so a process that uses none of
 * them (the gateway, the embedded portal) never loads them.
 */
export function dependencyChecks(config: InfrastructureConfig): DependencyCheck[] {
  const checks: DependencyCheck[] = [];
  if (config.EVENT_STORE === 'postgres' && config.DATABASE_URL) {
    checks.push(postgresCheck(config.DATABASE_URL));
  }
  if (config.BUS === 'kafka' && config.KAFKA_BROKERS) checks.push(kafkaCheck(config.KAFKA_BROKERS));
  if (config.READ_STORE === 'mongodb' && config.MONGODB_URI) checks.push(mongoCheck(config.MONGODB_URI));
  if (config.SMTP_URL) checks.push(smtpCheck(config.SMTP_URL));
  return checks;
}

/** Runs every check in parallel; throws one StartupError naming each failing variable. */
export async function runDependencyChecks(checks: readonly DependencyCheck[]): Promise<void> {
  const results = await Promise.allSettled(
    checks.map((check) => withTimeout(check.run(), CHECK_TIMEOUT_MS, `no answer within ${CHECK_TIMEOUT_MS / 1000} s`)),
  );
  const failures = results.flatMap((result, index) => {
    if (result.status === 'fulfilled') return [];
    const check = checks[index]!;
    return [`${check.variable}: cannot reach ${check.describe} (${reasonOf(result.reason)})`];
  });
  if (failures.length > 0) throw new StartupError(failures.join('; '));
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Driver messages can quote the connection string; keep only the first line, without URLs.
  return (message.split('\n')[0] ?? '').replace(/[a-z+]+:\/\/\S+/gi, '<url>').slice(0, 200);
}

function where(url: URL): string {
  return `${url.hostname}${url.port ? `:${url.port}` : ''}`;
}

function postgresCheck(url: URL): DependencyCheck {
  return {
    variable: 'DATABASE_URL',
    describe: `PostgreSQL at ${where(url)}`,
    async run() {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: url.href, connectionTimeoutMillis: CHECK_TIMEOUT_MS });
      try {
        await client.connect();
        await client.query('SELECT 1');
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  };
}

function kafkaCheck(brokers: string[]): DependencyCheck {
  return {
    variable: 'KAFKA_BROKERS',
    describe: `a Kafka broker at ${brokers.join(',')}`,
    async run() {
      const kafka = new Kafka({
        clientId: 'portal-startup-check',
        brokers,
        logLevel: logLevel.NOTHING,
        connectionTimeout: 3_000,
        retry: { retries: 1 },
      });
      const admin = kafka.admin();
      try {
        await admin.connect();
        await admin.describeCluster();
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    },
  };
}

function mongoCheck(url: URL): DependencyCheck {
  return {
    variable: 'MONGODB_URI',
    describe: `a MongoDB server at ${where(url)}`,
    async run() {
      const { default: mongoose } = await import('mongoose');
      const connection = mongoose.createConnection(url.href, { serverSelectionTimeoutMS: 5_000 });
      try {
        await connection.asPromise();
        await connection.db?.admin().ping();
      } finally {
        await connection.close().catch(() => undefined);
      }
    },
  };
}

function smtpCheck(url: URL): DependencyCheck {
  return {
    variable: 'SMTP_URL',
    describe: `an SMTP server at ${where(url)}`,
    async run() {
      const { default: nodemailer } = await import('nodemailer');
      const transport = nodemailer.createTransport(url.href);
      try {
        await transport.verify();
      } finally {
        transport.close();
      }
    },
  };
}
