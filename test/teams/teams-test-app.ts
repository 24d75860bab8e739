import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadServiceConfig } from '@portal/config';
import { createServiceApp } from '@portal/platform';
import { portalService } from '../../apps/portal/src/portal.definition';
import { TeamsClock } from '../../apps/teams/src/shared/teams-clock';
import { type Answer, type Call, GOOD_PASSWORD, type Session, uniqueEmail } from '../identity/identity-test-app';

export { GOOD_PASSWORD, uniqueEmail, type Answer, type Session };

export interface Person {
  readonly email: string;
  readonly userId: string;
  readonly session: Session;
}

/**
 * The whole portal in this process (identity, teams and the team-overview projection), on
 * embedded stores in a temporary folder unless `env` names other adapters, driven by
 * Fastify inject.
 */
export class TeamsTestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    private readonly dataDir: string,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<TeamsTestApp> {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'teams-e2e-'));
    const config = loadServiceConfig(portalService.defaultPort, { DATA_DIR: dataDir, LOG_LEVEL: 'error', ...env });
    const app = await createServiceApp(portalService, config, { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new TeamsTestApp(app, dataDir);
  }

  async stop(): Promise<void> {
    await this.app.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Moves the teams service's clock `ms` into the future. */
  advanceClock(ms: number): void {
    const clock = this.app.get(TeamsClock);
    const now = clock.now();
    jestSpyNow(clock, new Date(now.getTime() + ms));
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

  /** A request with the session's cookie and, unless `csrf: false`, its CSRF token. */
  as(person: Person | null, url: string, call: Call & { csrf?: boolean } = {}): Promise<Answer> {
    if (person === null) return this.call(url, call);
    const headers: Record<string, string> = { cookie: person.session.cookie, ...call.headers };
    if (call.csrf !== false) headers['x-csrf-token'] = person.session.csrfToken;
    return this.call(url, { ...call, headers });
  }

  async signUpAndIn(name: string, email = uniqueEmail(name.toLowerCase().replace(/\W+/g, '-'))): Promise<Person> {
    const signedUp = await this.call('/api/v1/auth/sign-up', {
      body: { email, password: GOOD_PASSWORD, displayName: name },
    });
    if (signedUp.status !== 202) throw new Error(`sign-up answered ${signedUp.status}: ${signedUp.text}`);
    const answer = await this.call('/api/v1/auth/sign-in', { body: { email, password: GOOD_PASSWORD } });
    if (answer.status !== 200) throw new Error(`sign-in answered ${answer.status}: ${answer.text}`);
    const setCookie = String(answer.headers['set-cookie']);
    const session = {
      cookie: setCookie.split(';')[0] ?? '',
      csrfToken: String(answer.body.csrfToken),
      setCookie,
      body: answer.body,
    };
    return { email, userId: String(answer.body.userId), session };
  }
}

function jestSpyNow(clock: TeamsClock, at: Date): void {
  jest.spyOn(clock, 'now').mockReturnValue(at);
}

/** Retries `probe` until it returns a value (read models follow the event log a moment later). */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('the read model did not catch up in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
