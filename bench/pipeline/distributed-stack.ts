import { createConnection } from 'mongoose';
import { Client } from 'pg';
import { PostgresEventStore } from '@portal/event-sourcing/postgres';
import { type BusLogger, KafkaBus } from '@portal/messaging';
import { MongoReadModelStore } from '@portal/read-models/mongo';

/** Where the distributed pipeline's three stores are. */
export interface DistributedSettings {
  readonly databaseUrl: string;
  /** The PostgreSQL schema holding the event store. */
  readonly schema: string;
  /** `host:port,host:port`. */
  readonly kafkaBrokers: string;
  readonly mongodbUri: string;
  /** The MongoDB database of the read models (and of the relay's and projections' checkpoints). */
  readonly readDatabase: string;
}

export interface DistributedStores {
  readonly eventStore: PostgresEventStore;
  readonly bus: KafkaBus;
  readonly readStore: MongoReadModelStore;
  close(): Promise<void>;
}

/**
 * Consumer timings for a pipeline that must get over a dead broker or worker quickly: a dead
 * group member is noticed within 6 s (the broker's minimum session timeout), and an idle
 * fetch returns within 100 ms.
 */
export const PROMPT_CONSUMER = {
  sessionTimeoutMs: 6_000,
  heartbeatIntervalMs: 500,
  rebalanceTimeoutMs: 6_000,
  maxWaitTimeMs: 100,
  restartDelayMs: 500,
} as const;

/** Opens the PostgreSQL event store, the Kafka bus and the MongoDB read-model store. */
export async function openDistributedStores(
  settings: DistributedSettings,
  logger: BusLogger,
): Promise<DistributedStores> {
  const eventStore = await PostgresEventStore.open({ connectionString: settings.databaseUrl, schema: settings.schema });
  const opened: { close(): Promise<void> }[] = [eventStore];
  const closeAll = async (): Promise<void> => {
    for (const store of opened.reverse()) await store.close();
  };
  try {
    const bus = await KafkaBus.connect({
      brokers: settings.kafkaBrokers.split(','),
      clientId: 'pipeline',
      consumer: PROMPT_CONSUMER,
      logger,
    });
    opened.push(bus);
    const readStore = await MongoReadModelStore.connect({ uri: settings.mongodbUri, dbName: settings.readDatabase });
    opened.push(readStore);
    return { eventStore, bus, readStore, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** Drops what a run left on the servers: the event store's schema and the read-model database. */
export async function dropDistributedData(settings: DistributedSettings): Promise<void> {
  const client = new Client({ connectionString: settings.databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${settings.schema} CASCADE`);
  } finally {
    await client.end();
  }
  const connection = await createConnection(settings.mongodbUri, { dbName: settings.readDatabase }).asPromise();
  try {
    await connection.dropDatabase();
  } finally {
    await connection.close();
  }
}
