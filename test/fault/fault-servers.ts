import { randomBytes } from 'node:crypto';
import {
  startDedicatedKafka,
  startFerretdbOnPostgres,
  type DedicatedKafka,
  type FerretdbOnPostgres,
} from '@portal/testinfra';
import type { WorkerSettings } from '../../bench/pipeline/worker-settings';

/**
 * The servers of the fault tests: a Kafka broker of their own, which they kill, and a
 * FerretDB of their own on the shared PostgreSQL (its PostgreSQL backend, indexed for `_id`
 * lookups: on the shared FerretDB's SQLite backend a write to a 10,000-document read model
 * takes ~300 ms).
 */
export interface FaultServers {
  readonly databaseUrl: string;
  readonly kafka: DedicatedKafka;
  readonly ferretdb: FerretdbOnPostgres;
  stop(): Promise<void>;
}

export const faultLog = (line: string): void => {
  process.stdout.write(`[fault] ${line}\n`);
};

export async function startFaultServers(databaseUrl: string): Promise<FaultServers> {
  const kafka = await startDedicatedKafka({ log: faultLog });
  try {
    const ferretdb = await startFerretdbOnPostgres(databaseUrl, faultLog);
    return {
      databaseUrl,
      kafka,
      ferretdb,
      stop: async () => {
        await Promise.all([kafka.stop(), ferretdb.stop()]);
      },
    };
  } catch (error) {
    await kafka.stop();
    throw error;
  }
}

/** Names of one test's own: event store schema, read-model database, topic domain, groups. */
export function pipelineSettings(servers: FaultServers): WorkerSettings {
  const tag = randomBytes(4).toString('hex');
  return {
    databaseUrl: servers.databaseUrl,
    schema: `fault_${tag}`,
    kafkaBrokers: servers.kafka.brokers,
    mongodbUri: servers.ferretdb.uri,
    readDatabase: `fault_${tag}`,
    domain: `fault${tag}`,
    groupPrefix: `fault-${tag}`,
  };
}
