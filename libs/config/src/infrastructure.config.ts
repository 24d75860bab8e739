import { hostPortList, integer, oneOf, pattern, port, secret, text, url } from './env-parsers';
import { loadConfig, type ConfigOf } from './load-config';

const when =
  (variable: string, value: string) =>
  (env: Readonly<Record<string, string | undefined>>): string | false =>
    env[variable] === value ? `${variable}=${value}` : false;

/**
 * Which adapter serves each port, and how to reach the servers behind them. Embedded
 * everything is the default; naming a server adapter makes its connection variable required.
 */
export const infrastructureSpec = {
  EVENT_STORE: { parse: oneOf(['embedded', 'postgres', 'eventstoredb'] as const), default: 'embedded' as const },
  BUS: { parse: oneOf(['inprocess', 'kafka'] as const), default: 'inprocess' as const },
  READ_STORE: { parse: oneOf(['embedded', 'mongodb'] as const), default: 'embedded' as const },
  DATA_DIR: { parse: text, default: './data' },
  DATABASE_URL: {
    parse: url(['postgres:', 'postgresql:']),
    requiredWhen: when('EVENT_STORE', 'postgres'),
  },
  EVENTSTORE_CONNECTION_STRING: {
    parse: url(['esdb:', 'esdb+discover:', 'kurrentdb:', 'kurrentdb+discover:']),
    requiredWhen: when('EVENT_STORE', 'eventstoredb'),
  },
  KAFKA_BROKERS: { parse: hostPortList, requiredWhen: when('BUS', 'kafka') },
  /**
   * Put before every consumer group this deployment joins (`<prefix>.projection.…`), so that
   * two deployments sharing a Kafka cluster do not split each other's partitions.
   */
  BUS_GROUP_PREFIX: { parse: pattern(/^[A-Za-z0-9_-]{1,60}$/, "letters, digits, '_' and '-', at most 60") },
  MONGODB_URI: { parse: url(['mongodb:', 'mongodb+srv:']), requiredWhen: when('READ_STORE', 'mongodb') },
  SMTP_URL: { parse: url(['smtp:', 'smtps:']) },
  /** The sender of the portal's email (invitations). */
  MAIL_FROM: { parse: text, default: 'Cr3dentials Partner Portal <no-reply@portal.invalid>' },
  /** Where people open the portal: links in email start with it. */
  PUBLIC_URL: { parse: url(['http:', 'https:']), default: new URL('http://127.0.0.1:3000') },
  /** Days an invitation link stays valid. */
  INVITATION_TTL_DAYS: { parse: integer(1, 90), default: 7 },
  /** The identity service, asked by a service running alone who a session belongs to. */
  IDENTITY_URL: { parse: url(['http:', 'https:']), default: new URL('http://127.0.0.1:3001') },
  /** The keys service, asked by a gateway running alone to confirm a key when the bus is silent. */
  KEYS_URL: { parse: url(['http:', 'https:']), default: new URL('http://127.0.0.1:3003') },
  /**
   * The shared secret services present to each other's internal endpoints (`x-internal-token`),
   * at least 32 characters. Unset: internal endpoints are closed, and a gateway running alone
   * cannot confirm keys with the keys service (it then refuses every key while the bus is silent).
   */
  INTERNAL_TOKEN: { parse: secret(32) },
  /** The live Cr3dentials API that Production keys reach; unset: the built-in demo upstream. */
  UPSTREAM_URL: { parse: url(['http:', 'https:']) },
  /** The sandbox Cr3dentials API that Development keys reach; unset: the built-in demo upstream. */
  UPSTREAM_SANDBOX_URL: { parse: url(['http:', 'https:']) },
};

export function httpSpec(defaultPort: number) {
  return {
    HOST: { parse: text, default: '127.0.0.1' },
    PORT: { parse: port, default: defaultPort },
    LOG_LEVEL: { parse: oneOf(['error', 'warn', 'log', 'debug', 'verbose'] as const), default: 'log' as const },
    SHUTDOWN_GRACE_MS: { parse: integer(0, 120_000), default: 10_000 },
  };
}

export type InfrastructureConfig = ConfigOf<typeof infrastructureSpec>;
export type HttpConfig = ConfigOf<ReturnType<typeof httpSpec>>;
export type ServiceConfig = InfrastructureConfig & HttpConfig;

export function loadServiceConfig(
  defaultPort: number,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ServiceConfig {
  return loadConfig({ ...infrastructureSpec, ...httpSpec(defaultPort) }, env);
}

/** The consumer group `name` of this deployment: `<BUS_GROUP_PREFIX>.<name>`, or `name` without a prefix. */
export function consumerGroup(config: Pick<InfrastructureConfig, 'BUS_GROUP_PREFIX'>, name: string): string {
  return config.BUS_GROUP_PREFIX === undefined ? name : `${config.BUS_GROUP_PREFIX}.${name}`;
}
