import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../support/service-process';

/** Runs `scripts/build.cjs` once: its exit code and what it wrote to standard error. */
function build(): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'build.cjs'), '--quiet'], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('the build', () => {
  it('succeeds when several builds run at once, as suites that start built services do', async () => {
    // Each build used to remove the others' files in the making as stale: about one in six failed.
    for (let round = 0; round < 5; round += 1) {
      const results = await Promise.all([build(), build(), build()]);
      expect(results.filter((result) => result.code !== 0)).toEqual([]);
    }
  }, 120_000);
});
