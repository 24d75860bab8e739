import { randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENT_STORE, type EventStore, handleCommand } from '@portal/event-sourcing';
import {
  type ApiKeyCommand,
  apiKeyDecider,
  type ApiKeyLimits,
  apiKeyStreams,
  base62Encode,
  formatKey,
  KEY_BODY_BYTES,
  type KeyEnvironment,
  keyHint,
} from '@portal/keys-domain';
import { MESSAGE_BUS, type MessageBus } from '@portal/messaging';
import type { ServiceDefinition } from '@portal/platform';
import type { GatewayTuning } from '../../apps/gateway/src/gateway-tuning';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { KeyCacheService } from '../../apps/gateway/src/key-cache/key-cache.service';
import { secretHashOf } from '../../apps/gateway/src/partner-api/presented-key';
import { UsagePublisher } from '../../apps/gateway/src/usage/usage-publisher';
import { type Answer, type Call, ServiceTestApp } from '../support/service-test-app';
import { EventStoreKeyLookup, EventStoreKeysModule } from './event-store-key-lookup';

export type { Answer };

/** A key issued for a test: the secret exists only in the test's memory. */
export interface IssuedKey {
  readonly secret: string;
  readonly keyId: string;
  readonly teamId: string;
  readonly environment: KeyEnvironment;
}

export interface IssueOptions {
  readonly environment?: KeyEnvironment;
  readonly limits?: ApiKeyLimits;
  readonly expiresAt?: string | null;
  readonly teamId?: string;
}

/** A random, well-formed key of the environment (with its checksum): never written down anywhere. */
export const randomKey = (environment: KeyEnvironment = 'production'): string =>
  formatKey(environment, base62Encode(randomBytes(KEY_BODY_BYTES)));

/** Makes the gateway's bus subscriber look silent since `ms` ago (null: never heard from); undo with jest.restoreAllMocks. */
export function silence(gateway: GatewayTestApp, ms: number | null): jest.SpyInstance {
  return jest
    .spyOn(gateway.keyCache, 'busLastContactAt')
    .mockImplementation(() => (ms === null ? null : Date.now() - ms));
}

/** The last character of a key changed: the checksum no longer matches. */
export const mistyped = (key: string): string => `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;

/** A GET sent over a real socket with the path exactly as given (no URL normalisation). */
export function rawCall(
  port: number,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
    });
    request.on('error', reject);
    request.end();
  });
}

const metadata = (teamId: string) => ({
  actorId: 'owner-1',
  actorKind: 'user' as const,
  teamId,
  correlationId: randomUUID(),
  causationId: null,
  sourceIp: null,
  userAgent: null,
});

/**
 * The gateway in this process on the in-process bus, with a real source of keys: keys are
 * issued into the event store through the keys domain's decider, the relay publishes their
 * events to the bus, and KEY_LOOKUP folds the event store (EventStoreKeyLookup).
 */
export class GatewayTestApp extends ServiceTestApp {
  /**
   * Starts the gateway; `withLookup: false` leaves KEY_LOOKUP unbound, as for a gateway running
   * alone without INTERNAL_TOKEN: its cache then follows the bus only.
   */
  static async start(
    tuning: Partial<GatewayTuning> = {},
    env: Record<string, string> = {},
    { withLookup = true }: { withLookup?: boolean } = {},
  ): Promise<GatewayTestApp> {
    const definition: ServiceDefinition = {
      service: 'gateway',
      defaultPort: 3000,
      streamCategories: [apiKeyStreams.category],
      modules: () => [...(withLookup ? [EventStoreKeysModule] : []), GatewayModule.forRoot(tuning)],
    };
    const { app, dataDir } = await ServiceTestApp.boot(definition, env);
    return new GatewayTestApp(app, dataDir);
  }

  get keyCache(): KeyCacheService {
    return this.app.get(KeyCacheService);
  }

  get keyLookup(): EventStoreKeyLookup {
    return this.app.get(EventStoreKeyLookup);
  }

  get usage(): UsagePublisher {
    return this.app.get(UsagePublisher);
  }

  get bus(): MessageBus {
    return this.app.get(MESSAGE_BUS);
  }

  private get store(): EventStore {
    return this.app.get(EVENT_STORE);
  }

  /** Issues a key (Production, no limits, expiring in 30 days unless told) and waits until the gateway knows it. */
  async issueKey(options: IssueOptions = {}): Promise<IssuedKey> {
    const environment = options.environment ?? 'production';
    const secret = randomKey(environment);
    const keyId = randomUUID();
    const teamId = options.teamId ?? randomUUID();
    const now = new Date().toISOString();
    const expiresAt =
      options.expiresAt === undefined ? new Date(Date.now() + 30 * 86_400_000).toISOString() : options.expiresAt;
    await this.command(keyId, teamId, {
      type: 'CreateApiKey',
      ...{ keyId, teamId, actorId: 'owner-1', actorRole: 'owner', now },
      ...{ name: 'Test key', description: '', environment, expiresAt, limits: options.limits },
      ...{ secretHash: secretHashOf(secret), hint: keyHint(secret) },
    });
    const issued = { secret, keyId, teamId, environment };
    await this.until(async () => (await this.verify(secret)).body.keyId === keyId || !this.keyCache.status().trusted);
    return issued;
  }

  async revoke(key: IssuedKey): Promise<void> {
    const now = new Date().toISOString();
    await this.command(key.keyId, key.teamId, {
      type: 'RevokeApiKey',
      ...{ keyId: key.keyId, teamId: key.teamId, actorId: 'owner-1', actorRole: 'owner', now },
    });
  }

  async command(keyId: string, teamId: string, command: ApiKeyCommand): Promise<void> {
    await handleCommand({
      store: this.store,
      streamName: apiKeyStreams.streamName(keyId),
      decider: apiKeyDecider,
      command,
      metadata: metadata(teamId),
    });
  }

  /** A partner call with the key as a Bearer token (or no key when null). */
  partner(url: string, key: string | null, call: Call = {}): Promise<Answer> {
    const headers = { ...(key === null ? {} : { authorization: `Bearer ${key}` }), ...call.headers };
    return this.call(url, { method: 'GET', ...call, headers });
  }

  /** Makes the gateway listen on an ephemeral port of 127.0.0.1 (once) and returns the port. */
  async listening(): Promise<number> {
    const server = this.app.getHttpServer();
    if (!server.listening) await this.app.listen({ host: '127.0.0.1', port: 0 });
    return (server.address() as AddressInfo).port;
  }

  verify(key: unknown): Promise<Answer> {
    return this.call('/v1/keys/verify', { method: 'POST', body: { key } });
  }

  /** Polls `probe` until it holds (the cache follows the event store through the relay and the bus). */
  async until(probe: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await probe())) {
      if (Date.now() > deadline) throw new Error('the condition did not hold in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
