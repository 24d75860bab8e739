import type { DistributedSettings } from './distributed-stack';

/** The projection worker's configuration, read once from its environment. */
export interface WorkerSettings extends DistributedSettings {
  /** The domain whose topic (`portal.<domain>.events`) carries the entry streams. */
  readonly domain: string;
  /** Consumer groups are `<groupPrefix>.<projection>.<topic>`. */
  readonly groupPrefix: string;
}

export class WorkerSettingsError extends Error {
  override readonly name = 'WorkerSettingsError';
}

const VARIABLES = {
  databaseUrl: 'DATABASE_URL',
  schema: 'PIPELINE_SCHEMA',
  kafkaBrokers: 'KAFKA_BROKERS',
  mongodbUri: 'MONGODB_URI',
  readDatabase: 'PIPELINE_READ_DATABASE',
  domain: 'PIPELINE_DOMAIN',
  groupPrefix: 'PIPELINE_GROUP_PREFIX',
} as const satisfies Record<keyof WorkerSettings, string>;

/** Every variable is required; the first missing one is named (values are never echoed). */
export function workerSettings(env: NodeJS.ProcessEnv): WorkerSettings {
  const read = (key: keyof WorkerSettings): string => {
    const value = env[VARIABLES[key]];
    if (value === undefined || value.trim() === '') throw new WorkerSettingsError(`${VARIABLES[key]} is required`);
    return value;
  };
  return {
    databaseUrl: read('databaseUrl'),
    schema: read('schema'),
    kafkaBrokers: read('kafkaBrokers'),
    mongodbUri: read('mongodbUri'),
    readDatabase: read('readDatabase'),
    domain: read('domain'),
    groupPrefix: read('groupPrefix'),
  };
}

/** The environment that hands `settings` to a worker process. */
export function workerEnvironment(settings: WorkerSettings): Record<string, string> {
  return Object.fromEntries(
    Object.entries(VARIABLES).map(([key, name]) => [name, settings[key as keyof WorkerSettings]]),
  );
}
