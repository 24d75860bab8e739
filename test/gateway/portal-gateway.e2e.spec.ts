import { TeamsTestApp, type Person } from '../teams/teams-test-app';

/**
 * The gateway inside the whole one-process portal: keys created and revoked through the keys
 * service's REST API, KEY_LOOKUP bound in process by the keys service, events on the in-process bus.
 */
describe('the gateway in the one-process portal', () => {
  let portal: TeamsTestApp;
  let owner: Person;
  let teamId: string;

  beforeAll(async () => {
    portal = await TeamsTestApp.start();
    owner = await portal.signUpAndIn('Gateway Owner');
    const team = await portal.as(owner, '/api/v1/teams', { body: { name: 'Gateway team' } });
    teamId = String(team.body.teamId);
    // The keys service learns of the team from the teams service's events, a moment later.
    await waitFor(async () => (await portal.as(owner, `/api/v1/teams/${teamId}/keys`)).status === 200);
  });

  afterAll(async () => {
    await portal.stop();
  });

  it('forwards a call with a key made in the dashboard, and refuses it once it is revoked', async () => {
    const created = await portal.as(owner, `/api/v1/teams/${teamId}/keys`, {
      body: { name: 'Checkout', environment: 'development', expiration: 'never' },
    });
    expect(created.status).toBe(201);
    const secret = String(created.body.secret);
    const keyId = String(created.body.keyId);
    const call = () => portal.call('/v1/ping', { headers: { authorization: `Bearer ${secret}` } });

    await waitFor(async () => (await call()).status === 200);
    expect((await call()).body).toMatchObject({ upstream: 'sandbox', keyId, teamId });

    const revoked = await portal.as(owner, `/api/v1/teams/${teamId}/keys/${keyId}/revoke`, { body: {} });
    expect(revoked.status).toBeLessThan(300);

    await waitFor(async () => (await call()).status === 401, 1_000);
  });
});

async function waitFor(probe: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('the condition did not hold in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
