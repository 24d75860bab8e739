import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@portal/testinfra';
import { ServiceProcess } from '../support/service-process';

const SERVICES = ['gateway', 'identity', 'teams', 'keys', 'usage', 'audit'];

describe('starting the portal', () => {
  let dataDir: string;
  const started: ServiceProcess[] = [];

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'portal-start-'));
  });

  afterAll(async () => {
    await Promise.all(started.map((service) => service.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('`npm start` builds and answers GET /health with 200 within 10 s, in embedded mode', async () => {
    const port = await freePort();
    const npm = new ServiceProcess('npm', ['start', '--silent'], { PORT: String(port), DATA_DIR: dataDir });
    started.push(npm);
    const began = Date.now();
    const response = await npm.waitUntilOk(`http://127.0.0.1:${port}/health`, 10_000);
    const elapsedMs = Date.now() - began;

    expect(elapsedMs).toBeLessThan(10_000);
    expect(await response.json()).toEqual(
      expect.objectContaining({
        status: 'ok',
        service: 'portal',
        pipeline: {
          relay: { name: 'relay.portal', position: null },
          projections: [
            { projection: 'team-overview', position: null, behind: 0, seconds: 0 },
            { projection: 'api-keys', position: null, behind: 0, seconds: 0 },
            { projection: 'key-team-members', position: null, behind: 0, seconds: 0 },
          ],
        },
      }),
    );
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Partner Portal');
  });

  it.each(SERVICES)('the %s service boots on its own and answers /health', async (app) => {
    const port = await freePort();
    const service = ServiceProcess.built(app, { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    started.push(service);
    const response = await service.waitUntilOk(`http://127.0.0.1:${port}/health`, 10_000);
    expect(await response.json()).toEqual(expect.objectContaining({ status: 'ok', service: app }));
  });
});
