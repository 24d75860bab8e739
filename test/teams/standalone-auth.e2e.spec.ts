import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadServiceConfig } from '@portal/config';
import { createServiceApp } from '@portal/platform';
import { teamsService } from '../../apps/teams/src/teams.definition';
import { GOOD_PASSWORD, IdentityTestApp, uniqueEmail } from '../identity/identity-test-app';

describe('teams running alone: sessions are checked by the identity service', () => {
  let identity: IdentityTestApp;
  let identityHttp: NestFastifyApplication;
  let teams: NestFastifyApplication;
  let dataDir: string;

  beforeAll(async () => {
    identity = await IdentityTestApp.start();
    identityHttp = identity.app;
    await identityHttp.listen({ host: '127.0.0.1', port: 0 });
    const identityUrl = await identityHttp.getUrl();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'teams-alone-'));
    const config = loadServiceConfig(teamsService.defaultPort, {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      IDENTITY_URL: identityUrl,
    });
    teams = await createServiceApp(teamsService, config, { logger: false, standalone: true });
    await teams.init();
    await teams.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await teams.close();
    await identity.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const createTeam = (headers: Record<string, string>) =>
    teams.inject({
      method: 'POST',
      url: '/api/v1/teams',
      payload: JSON.stringify({ name: 'Alone' }),
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('accepts a session identity knows, with its CSRF token; refuses without either', async () => {
    const email = uniqueEmail('alone');
    await identity.signUp(email, GOOD_PASSWORD);
    const session = await identity.signIn(email, GOOD_PASSWORD);

    const created = await createTeam({ cookie: session.cookie, 'x-csrf-token': session.csrfToken });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Alone', yourRole: 'owner' });

    const noCsrf = await createTeam({ cookie: session.cookie });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ code: 'AUTH.CSRF' });
    const crossSite = await createTeam({
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      origin: 'https://evil.example',
    });
    expect(crossSite.statusCode).toBe(403);

    const unknown = await createTeam({ cookie: `portal_session=${'A'.repeat(43)}`, 'x-csrf-token': 'x' });
    expect(unknown.statusCode).toBe(401);
    expect((await createTeam({})).statusCode).toBe(401);
  });
});
