import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ServiceConfig } from '@portal/config';
import {
  INTERNAL_TOKEN_HEADER,
  KEY_LOOKUP_PATH,
  type KeyLookup,
  type KeyRecord,
  type KeySnapshotPage,
  SECRET_HASH,
} from '@portal/contracts';
import { SERVICE_CONFIG } from '@portal/platform';
import { Pool } from 'undici';

/** The keys service did not give a usable answer. Its message never holds the hash asked about. */
export class KeyLookupUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KeyLookupUnavailableError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Checks the parts of a key record the gateway relies on. */
function isKeyRecord(value: unknown): value is KeyRecord {
  if (!isRecord(value) || !Number.isSafeInteger(value.revision) || !isRecord(value.key)) return false;
  const { key } = value;
  return (
    typeof key.keyId === 'string' &&
    typeof key.teamId === 'string' &&
    typeof key.secretHash === 'string' &&
    SECRET_HASH.test(key.secretHash) &&
    (key.environment === 'development' || key.environment === 'production') &&
    (key.status === 'active' || key.status === 'revoked' || key.status === 'expired') &&
    isRecord(key.limits)
  );
}

function isSnapshotPage(value: unknown): value is KeySnapshotPage {
  return (
    isRecord(value) &&
    Array.isArray(value.keys) &&
    value.keys.every(isKeyRecord) &&
    (value.next === null || typeof value.next === 'string')
  );
}

/**
 * KEY_LOOKUP for a gateway running alone: the keys service's internal routes at KEYS_URL
 * (KEY_LOOKUP_PATH), presenting INTERNAL_TOKEN, on a small keep-alive pool.
 */
@Injectable()
export class HttpKeyLookup implements KeyLookup, OnApplicationShutdown {
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly headers: Record<string, string>;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    if (config.INTERNAL_TOKEN === undefined) throw new Error('HttpKeyLookup needs INTERNAL_TOKEN');
    this.pool = new Pool(config.KEYS_URL.origin, { connections: 16 });
    this.basePath = `${config.KEYS_URL.pathname.replace(/\/+$/, '')}${KEY_LOOKUP_PATH}`;
    this.headers = { [INTERNAL_TOKEN_HEADER]: config.INTERNAL_TOKEN, accept: 'application/json' };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }

  async findBySecretHash(secretHash: string): Promise<KeyRecord | null> {
    if (!SECRET_HASH.test(secretHash)) return null;
    const body = await this.get(`${this.basePath}/by-hash/${secretHash}`, true);
    if (body === null) return null;
    if (!isKeyRecord(body)) throw new KeyLookupUnavailableError('The keys service answered a malformed key record');
    return body;
  }

  async snapshotPage(after: string | null, limit: number): Promise<KeySnapshotPage> {
    const query = new URLSearchParams({ limit: String(limit), ...(after === null ? {} : { after }) });
    const body = await this.get(`${this.basePath}?${query.toString()}`, false);
    if (!isSnapshotPage(body))
      throw new KeyLookupUnavailableError('The keys service answered a malformed snapshot page');
    return body;
  }

  /** The JSON body of a 200 answer; null for a 404 when `notFoundIsNull`. */
  private async get(path: string, notFoundIsNull: boolean): Promise<unknown> {
    let statusCode: number;
    let body: unknown;
    try {
      const response = await this.pool.request({ method: 'GET', path, headers: this.headers });
      statusCode = response.statusCode;
      body = statusCode === 200 ? await response.body.json() : await response.body.dump().then(() => null);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const why = typeof code === 'string' ? code : 'error';
      throw new KeyLookupUnavailableError(`The keys service could not be reached (${why})`, {
        cause: error,
      });
    }
    if (statusCode === 404 && notFoundIsNull) return null;
    if (statusCode !== 200) throw new KeyLookupUnavailableError(`The keys service answered ${statusCode}`);
    return body;
  }
}
