import { identityService } from '../../apps/identity/src/identity.definition';
import { type Answer, type Call, ServiceTestApp, type Session } from '../support/service-test-app';

export type { Answer, Call, Session };

/** The identity service in this process on embedded stores in a temporary folder, driven by Fastify inject. */
export class IdentityTestApp extends ServiceTestApp {
  static async start(): Promise<IdentityTestApp> {
    const { app, dataDir } = await ServiceTestApp.boot(identityService);
    return new IdentityTestApp(app, dataDir);
  }

  signUp(email: string, password: string, displayName = 'Ada Lovelace', call: Call = {}): Promise<Answer> {
    return this.call('/api/v1/auth/sign-up', { ...call, body: { email, password, displayName } });
  }
}

/** A password that passes the policy. */
export const GOOD_PASSWORD = 'tangerine kayak 42';

let counter = 0;
/** An email no other test uses. */
export const uniqueEmail = (name = 'user'): string => `${name}.${process.pid}.${(counter += 1)}@example.test`;

/** Problem bodies minus what differs between any two requests. */
export const withoutRequestId = (body: Record<string, unknown>): Record<string, unknown> => {
  const { requestId: _requestId, ...rest } = body;
  return rest;
};
