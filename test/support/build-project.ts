import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './service-process';

/** Builds dist/ (`scripts/build.cjs`), for suites that start the built services as processes. */
export function buildProject(): void {
  const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.cjs'), '--quiet'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`the build failed: ${build.stderr}`);
}
