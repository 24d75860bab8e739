import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest folder above this file that holds a package.json: the repository root. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

/** Where downloads and builds are kept between runs: PORTAL_CACHE_DIR or <repo>/.cache/testinfra. */
export function cacheDir(): string {
  const dir = process.env.PORTAL_CACHE_DIR || join(repoRoot(), '.cache', 'testinfra');
  mkdirSync(dir, { recursive: true });
  return dir;
}
