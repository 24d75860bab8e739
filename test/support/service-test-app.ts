import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadServiceConfig } from '@portal/config';
import { createServiceApp, type ServiceDefinition } from '@portal/platform';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Call {
  readonly method?: Method;
  /** An object is sent as JSON; a string is sent as it is (content-type application/json unless given). */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** The client's address as the service sees it. */
  readonly ip?: string;
}

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly body: Record<string, unknown>;
  readonly text: string;
}

export interface Session {
  /** The `Cookie` request header that carries the session. */
  readonly cookie: string;
  readonly csrfToken: string;
  readonly setCookie: string;
  readonly body: Record<string, unknown>;
}

/**
 * A service in this process, on embedded stores in a temporary folder unless `env` names
 * other adapters, driven by Fastify inject: requests, sign-in and requests with a session.
 */
export class ServiceTestApp {
  protected constructor(
    readonly app: NestFastifyApplication,
    private readonly dataDir: string,
  ) {}

  /** Builds and starts the service; subclasses wrap the result in their own type. */
  protected static async boot(
    definition: ServiceDefinition,
    env: Record<string, string> = {},
  ): Promise<{ app: NestFastifyApplication; dataDir: string }> {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), `${definition.service}-e2e-`));
    const config = loadServiceConfig(definition.defaultPort, { DATA_DIR: dataDir, LOG_LEVEL: 'error', ...env });
    const app = await createServiceApp(definition, config, { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return { app, dataDir };
  }

  async stop(): Promise<void> {
    await this.app.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  async call(url: string, call: Call = {}): Promise<Answer> {
    const { method = call.body === undefined ? 'GET' : 'POST', body, ip = '127.0.0.1' } = call;
    const payload = body === undefined || typeof body === 'string' ? body : JSON.stringify(body);
    const headers = {
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      'x-requested-with': 'XMLHttpRequest',
      ...call.headers,
    };
    const response = await this.app.inject({ method, url, payload, headers, remoteAddress: ip });
    const text = response.body;
    const parsed: unknown = text === '' ? {} : JSON.parse(text);
    return { status: response.statusCode, headers: response.headers, body: parsed as Record<string, unknown>, text };
  }

  signInAnswer(email: string, password: string, call: Call = {}): Promise<Answer> {
    return this.call('/api/v1/auth/sign-in', { ...call, body: { email, password } });
  }

  async signIn(email: string, password: string, call: Call = {}): Promise<Session> {
    const answer = await this.signInAnswer(email, password, call);
    if (answer.status !== 200) throw new Error(`sign-in answered ${answer.status}: ${answer.text}`);
    const setCookie = String(answer.headers['set-cookie']);
    return {
      cookie: setCookie.split(';')[0] ?? '',
      csrfToken: String(answer.body.csrfToken),
      setCookie,
      body: answer.body,
    };
  }

  /** A request with the session's cookie and, unless `csrf: false`, its CSRF token. */
  withSession(session: Session, url: string, call: Call & { csrf?: boolean } = {}): Promise<Answer> {
    const headers: Record<string, string> = { cookie: session.cookie, ...call.headers };
    if (call.csrf !== false) headers['x-csrf-token'] = session.csrfToken;
    return this.call(url, { ...call, headers });
  }
}
