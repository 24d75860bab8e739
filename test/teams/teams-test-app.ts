import { portalService } from '../../apps/portal/src/portal.definition';
import { TeamsClock } from '../../apps/teams/src/shared/teams-clock';
import { GOOD_PASSWORD, uniqueEmail } from '../identity/identity-test-app';
import { type Answer, type Call, ServiceTestApp, type Session } from '../support/service-test-app';

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
export class TeamsTestApp extends ServiceTestApp {
  static async start(env: Record<string, string> = {}): Promise<TeamsTestApp> {
    const { app, dataDir } = await ServiceTestApp.boot(portalService, env);
    return new TeamsTestApp(app, dataDir);
  }

  /** Moves the teams service's clock `ms` into the future. */
  advanceClock(ms: number): void {
    const clock = this.app.get(TeamsClock);
    jest.spyOn(clock, 'now').mockReturnValue(new Date(clock.now().getTime() + ms));
  }

  /** A request with the session's cookie and, unless `csrf: false`, its CSRF token. */
  as(person: Person | null, url: string, call: Call & { csrf?: boolean } = {}): Promise<Answer> {
    return person === null ? this.call(url, call) : this.withSession(person.session, url, call);
  }

  async signUpAndIn(name: string, email = uniqueEmail(name.toLowerCase().replace(/\W+/g, '-'))): Promise<Person> {
    const signedUp = await this.call('/api/v1/auth/sign-up', {
      body: { email, password: GOOD_PASSWORD, displayName: name },
    });
    if (signedUp.status !== 202) throw new Error(`sign-up answered ${signedUp.status}: ${signedUp.text}`);
    const session = await this.signIn(email, GOOD_PASSWORD);
    return { email, userId: String(session.body.userId), session };
  }
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
