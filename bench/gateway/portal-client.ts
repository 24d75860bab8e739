import { randomBytes } from 'node:crypto';

/*
 * The portal's REST API as a partner's browser uses it, over real HTTP: sign up, sign in (a
 * session cookie and its CSRF token), create a team, create and revoke keys. For benchmarks
 * and tests that drive services running in their own processes.
 */

export interface PortalSession {
  readonly cookie: string;
  readonly csrfToken: string;
}

export interface CreatedKey {
  readonly keyId: string;
  readonly secret: string;
}

const PASSWORD = `Bench-${randomBytes(12).toString('hex')}`;

async function json(response: Response, what: string, expected: number): Promise<Record<string, unknown>> {
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${what} answered ${response.status}: ${text.slice(0, 300)}`);
  return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
}

export class PortalClient {
  private constructor(
    private readonly baseUrl: string,
    private readonly session: PortalSession,
  ) {}

  /** Signs a new person up and in at `baseUrl` (the identity service, or the portal). */
  static async signUpAndIn(baseUrl: string, apiUrl: string = baseUrl): Promise<PortalClient> {
    const email = `owner-${randomBytes(6).toString('hex')}@example.com`;
    const headers = { 'content-type': 'application/json', 'x-requested-with': 'XMLHttpRequest' };
    const body = JSON.stringify({ email, password: PASSWORD, displayName: 'Bench Owner' });
    await json(await fetch(`${baseUrl}/api/v1/auth/sign-up`, { method: 'POST', headers, body }), 'sign-up', 202);
    const signIn = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const answer = await json(signIn, 'sign-in', 200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return new PortalClient(apiUrl, { cookie, csrfToken: String(answer.csrfToken) });
  }

  /** The session's headers: its cookie and CSRF token. */
  headers(): Record<string, string> {
    return { cookie: this.session.cookie, 'x-csrf-token': this.session.csrfToken };
  }

  private send(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...this.headers(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  async createTeam(name: string): Promise<string> {
    const answer = await json(await this.send('POST', '/api/v1/teams', { name }), 'create team', 201);
    return String(answer.teamId);
  }

  /** Creates a key; the team must already be known to the keys service (its projection of teams). */
  async createKey(teamId: string, settings: Record<string, unknown>): Promise<CreatedKey> {
    const body = {
      name: `bench key ${randomBytes(3).toString('hex')}`,
      environment: 'production',
      expiration: 'never',
      ...settings,
    };
    const answer = await json(await this.send('POST', `/api/v1/teams/${teamId}/keys`, body), 'create key', 201);
    return { keyId: String(answer.keyId), secret: String(answer.secret) };
  }

  async revokeKey(teamId: string, keyId: string): Promise<void> {
    const response = await this.send('POST', `/api/v1/teams/${teamId}/keys/${keyId}/revoke`, {});
    if (response.status !== 200 && response.status !== 204) await json(response, 'revoke key', 200);
    else await response.arrayBuffer();
  }

  /** Retries `createKey` until the keys service knows the new team (it learns of it from the bus). */
  async createKeyWhenTeamKnown(
    teamId: string,
    settings: Record<string, unknown>,
    timeoutMs = 30_000,
  ): Promise<CreatedKey> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await this.createKey(teamId, settings);
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }
}
