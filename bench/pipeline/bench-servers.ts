import { startTestInfra, type TestInfra } from '@portal/testinfra';

/** The distributed servers of the benchmark: those the environment names, the others started. */
export interface BenchServers {
  readonly databaseUrl: string;
  readonly kafkaBrokers: string;
  readonly mongodbUri: string;
  stop(): Promise<void>;
}

const VARIABLES = { postgres: 'DATABASE_URL', kafka: 'KAFKA_BROKERS', mongodb: 'MONGODB_URI' } as const;

/** Starts (startTestInfra) whichever of PostgreSQL, Kafka and MongoDB (FerretDB) the environment does not name. */
export async function benchServers(progress: (line: string) => void): Promise<BenchServers> {
  const infra: TestInfra = await startTestInfra({ servers: ['postgres', 'kafka', 'mongodb'], log: progress });
  const address = (server: keyof typeof VARIABLES): string => {
    const value = infra.env[VARIABLES[server]];
    if (value !== undefined) return value;
    const missing = infra.missing.find((m) => m.server === server);
    throw new Error(`no ${server}: ${missing?.reason ?? 'not started'}. ${missing?.howTo ?? ''}`);
  };
  try {
    return {
      databaseUrl: address('postgres'),
      kafkaBrokers: address('kafka'),
      mongodbUri: address('mongodb'),
      stop: () => infra.stop(),
    };
  } catch (error) {
    await infra.stop();
    throw error;
  }
}
