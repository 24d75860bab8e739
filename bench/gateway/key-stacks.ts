import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mongoose';
import { freePorts } from '@portal/testinfra';
import { onPostgres, withDatabase } from '../../test/support/server-urls';
import { ServiceProcess } from '../../test/support/service-process';

/*
 * The portal's processes for the gateway's revocation timings and load, started from the build
 * (`dist/`):
 *
 * - distributed: the portal (identity, teams, keys, …) in one process on PostgreSQL (a database
 *   of its own) and Kafka, and a gateway in a process of its own that learns of keys only
 *   through Kafka (and asks the keys service over HTTP when the bus falls silent);
 * - embedded: the one-process portal as `npm start` runs it, its gateway in the same process.
 *
 * Consumer groups carry a prefix of the run's own (BUS_GROUP_PREFIX), so that other suites on
 * the same broker do not share their partitions.
 */

const START_TIMEOUT_MS = 60_000;

export interface KeyStack {
  /** Where the dashboard's REST API answers (sign-up, teams, keys). */
  readonly apiUrl: string;
  /** The gateway under test. */
  readonly gatewayUrl: string;
  /** The processes, for their captured output (the secret scan reads it). */
  readonly processes: readonly ServiceProcess[];
  /** The folder holding the processes' DATA_DIRs (embedded stores, mail, bus files). */
  readonly dataDir: string;
  /** The PostgreSQL database of the event store (distributed), and the MongoDB one of the read models, if any. */
  readonly databases: { readonly postgres?: string; readonly mongodb?: string };
  /** Stops the API process, leaving the gateway (and the bus) running. */
  stopApi(): Promise<void>;
  stop(): Promise<void>;
}

/** A gateway process of a distributed stack, and where it answers. */
export interface GatewayProcess {
  readonly url: string;
  readonly service: ServiceProcess;
}

export interface DistributedStack extends KeyStack {
  /** The gateway the stack started with, at `gatewayUrl`. */
  readonly gateway: GatewayProcess;
  /**
   * Starts one more gateway process on the same bus and keys service: it reads the key snapshot
   * from the keys service, so it is started while the API runs. `stop` stops it with the rest.
   */
  addGateway(): Promise<GatewayProcess>;
}

export interface DistributedStackOptions {
  /** A PostgreSQL server; the stack makes a database of its own on it. */
  readonly databaseUrl: string;
  readonly kafkaBrokers: string;
  /** Where the gateway forwards; the built-in demo upstream when unset. */
  readonly upstreamUrl?: string;
  /** Read models on this MongoDB server (a database of the stack's own); embedded when unset. */
  readonly mongodbUri?: string;
  /** LOG_LEVEL of the processes; `warn` by default. */
  readonly logLevel?: string;
  /** More environment for the gateway process (e.g. NODE_OPTIONS for a profile). */
  readonly gatewayEnv?: Record<string, string>;
}

async function started(service: ServiceProcess, url: string): Promise<ServiceProcess> {
  try {
    await service.waitUntilOk(`${url}/health`, START_TIMEOUT_MS);
    return service;
  } catch (error) {
    await service.stop();
    throw error;
  }
}

const upstreamEnv = (upstreamUrl: string | undefined): Record<string, string> =>
  upstreamUrl === undefined ? {} : { UPSTREAM_URL: upstreamUrl, UPSTREAM_SANDBOX_URL: upstreamUrl };

export async function startDistributedStack(options: DistributedStackOptions): Promise<DistributedStack> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const database = `portal_gateway_${runId}`;
  const folder = mkdtempSync(join(tmpdir(), 'portal-gateway-stack-'));
  const [apiPort] = await freePorts(1);
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const internalToken = randomBytes(24).toString('hex');
  const common = {
    BUS: 'kafka',
    KAFKA_BROKERS: options.kafkaBrokers,
    BUS_GROUP_PREFIX: `gw-${runId}`,
    INTERNAL_TOKEN: internalToken,
    LOG_LEVEL: options.logLevel ?? 'warn',
  };
  const readStore: Record<string, string> =
    options.mongodbUri === undefined
      ? {}
      : { READ_STORE: 'mongodb', MONGODB_URI: withDatabase(options.mongodbUri, database) };
  await onPostgres(options.databaseUrl, `CREATE DATABASE ${database}`);
  const processes: ServiceProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(processes.map((service) => service.stop()));
    await onPostgres(options.databaseUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    if (options.mongodbUri !== undefined) {
      const mongo = await createConnection(withDatabase(options.mongodbUri, database)).asPromise();
      await mongo.dropDatabase();
      await mongo.close();
    }
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    const api = ServiceProcess.built('portal', {
      ...common,
      PORT: String(apiPort),
      DATA_DIR: join(folder, 'portal'),
      EVENT_STORE: 'postgres',
      DATABASE_URL: withDatabase(options.databaseUrl, database),
      ...readStore,
    });
    processes.push(api);
    await started(api, apiUrl);
    let gateways = 0;
    const addGateway = async (): Promise<GatewayProcess> => {
      const [port] = await freePorts(1);
      const url = `http://127.0.0.1:${port}`;
      gateways += 1;
      const service = ServiceProcess.built('gateway', {
        ...common,
        ...upstreamEnv(options.upstreamUrl),
        PORT: String(port),
        DATA_DIR: join(folder, `gateway-${gateways}`),
        KEYS_URL: apiUrl,
        ...options.gatewayEnv,
      });
      processes.push(service);
      return { url, service: await started(service, url) };
    };
    const gateway = await addGateway();
    const databases = { postgres: database, ...(options.mongodbUri === undefined ? {} : { mongodb: database }) };
    const stopApi = () => api.stop().then(() => undefined);
    return {
      apiUrl,
      gatewayUrl: gateway.url,
      processes,
      dataDir: folder,
      databases,
      stopApi,
      stop,
      gateway,
      addGateway,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The one-process portal on embedded stores in a temporary folder. */
export async function startEmbeddedStack(upstreamUrl?: string): Promise<KeyStack> {
  const folder = mkdtempSync(join(tmpdir(), 'portal-embedded-stack-'));
  const [port] = await freePorts(1);
  const url = `http://127.0.0.1:${port}`;
  const portal = ServiceProcess.built('portal', {
    ...upstreamEnv(upstreamUrl),
    PORT: String(port),
    DATA_DIR: folder,
    LOG_LEVEL: 'warn',
  });
  const stop = async (): Promise<void> => {
    await portal.stop();
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await started(portal, url);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  const stopApi = () => Promise.resolve();
  return { apiUrl: url, gatewayUrl: url, processes: [portal], dataDir: folder, databases: {}, stopApi, stop };
}
