import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@portal/testinfra';
import { repoRoot, ServiceProcess } from '../support/service-process';

const startApp = path.join(repoRoot, 'scripts', 'start-app.cjs');

describe('npm run start:app', () => {
  it('starts one service in a process of its own and stops it on SIGTERM', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'portal-start-app-'));
    const gateway = new ServiceProcess(process.execPath, [startApp, 'gateway'], {
      PORT: String(port),
      DATA_DIR: dataDir,
    });
    try {
      const health = await gateway.waitUntilOk(`http://127.0.0.1:${port}/health`, 60_000);
      expect(health.status).toBe(200);
    } finally {
      const exited = await gateway.stop();
      rmSync(dataDir, { recursive: true, force: true });
      expect(exited.code).toBe(0);
    }
  }, 90_000);

  it('refuses a service that does not exist, naming those that do', () => {
    const run = spawnSync(process.execPath, [startApp, 'nope'], { cwd: repoRoot, encoding: 'utf8' });

    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'usage: npm run start:app -- <service>, one of: audit, gateway, identity, keys, portal, teams, usage\n',
    );
  });
});
