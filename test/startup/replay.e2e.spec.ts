import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, ServiceProcess } from '../support/service-process';

/** `npm run replay -- <projection|all>`, as built: dist/apps/portal/src/replay.js. */
function replay(args: string[], dataDir: string): ServiceProcess {
  const script = path.join(repoRoot, 'dist', 'apps', 'portal', 'src', 'replay.js');
  return new ServiceProcess(process.execPath, [script, ...args], { DATA_DIR: dataDir });
}

describe('the replay command', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'portal-replay-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('rebuilds every projection from the configured stores and ends with a summary', async () => {
    const { code, stdout } = await replay(['all'], dataDir).exited;
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^replayed .+: \d+ events in \d+\.\d\d s \(\d+ events\/s\)$/);
  });

  it('refuses an unknown projection with its usage, before touching any store', async () => {
    const { code, stderr } = await replay(['no-such-projection'], dataDir).exited;
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^replay: no projection named "no-such-projection"; usage: npm run replay -- <projection\|all>/,
    );
    expect(existsSync(path.join(dataDir, 'events.sqlite'))).toBe(false);
  });
});
