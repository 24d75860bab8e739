import { startKafka } from './kafka/kafka-server';
import { MONGODB_HOW_TO } from './mongodb/ferretdb-build';
import { startFerretdb } from './mongodb/ferretdb-server';
import { POSTGRES_HOW_TO } from './postgres/postgres-binaries';
import { startPostgres } from './postgres/postgres-server';
import type { ServerContext } from './server-context';
import { startSmtpSink } from './smtp/smtp-sink';
import type { RunningServer, ServerName } from './types';

export interface ServerDefinition {
  name: ServerName;
  /** The variable that, when set, names a server provided by the user. */
  envVar: string;
  /** Further variables passed on with a user-provided server when set. */
  companions: string[];
  /** How the user provides the server when it cannot be started here. */
  howTo: string;
  start(context: ServerContext): Promise<RunningServer>;
}

export const SERVERS: Record<ServerName, ServerDefinition> = {
  kafka: {
    name: 'kafka',
    envVar: 'KAFKA_BROKERS',
    companions: [],
    howTo: 'set KAFKA_BROKERS=host:port, or install Java 17+ and Maven 3.8+',
    start: startKafka,
  },
  postgres: {
    name: 'postgres',
    envVar: 'DATABASE_URL',
    companions: [],
    howTo: POSTGRES_HOW_TO,
    start: startPostgres,
  },
  mongodb: {
    name: 'mongodb',
    envVar: 'MONGODB_URI',
    companions: [],
    howTo: MONGODB_HOW_TO,
    start: startFerretdb,
  },
  smtp: {
    name: 'smtp',
    envVar: 'SMTP_URL',
    companions: ['SMTP_SINK_API'],
    howTo: 'set SMTP_URL=smtp://host:port (and SMTP_SINK_API for reading messages back)',
    start: () => startSmtpSink(),
  },
};

export const ALL_SERVERS: ServerName[] = ['kafka', 'postgres', 'mongodb', 'smtp'];
