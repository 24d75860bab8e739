import { startFerretdbOnPostgres, startTestInfra, type TestInfra } from '@portal/testinfra';

/** The distributed servers of the benchmark: those the environment names, the others started. */
export interface BenchServers {
  readonly databaseUrl: string;
  readonly kafkaBrokers: string;
  readonly mongodbUri: string;
  stop(): Promise<void>;
}

const VARIABLES = { postgres: 'DATABASE_URL', kafka: 'KAFKA_BROKERS' } as const;

/**
 * Starts (startTestInfra) whichever of PostgreSQL and Kafka the environment does not name.
 * The read models go to MONGODB_URI when it is set, else to a FerretDB on that PostgreSQL
 * (its PostgreSQL backend, indexed for `_id` lookups: the shared test FerretDB's SQLite
 * backend reads the whole collection on every write).
 */
export async function benchServers(progress: (line: string) => void): Promise<BenchServers> {
  const infra: TestInfra = await startTestInfra({ servers: ['postgres', 'kafka'], log: progress });
  const address = (server: keyof typeof VARIABLES): string => {
    const value = infra.env[VARIABLES[server]];
    if (value !== undefined) return value;
    const missing = infra.missing.find((m) => m.server === server);
    throw new Error(`no ${server}: ${missing?.reason ?? 'not started'}. ${missing?.howTo ?? ''}`);
  };
  try {
    const databaseUrl = address('postgres');
    const kafkaBrokers = address('kafka');
    const given = process.env.MONGODB_URI;
    const ferretdb = given ? undefined : await startFerretdbOnPostgres(databaseUrl, progress);
    return {
      databaseUrl,
      kafkaBrokers,
      mongodbUri: given ?? ferretdb?.uri ?? '',
      stop: async () => {
        await ferretdb?.stop();
        await infra.stop();
      },
    };
  } catch (error) {
    await infra.stop();
    throw error;
  }
}
