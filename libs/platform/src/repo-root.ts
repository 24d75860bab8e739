import { existsSync } from 'node:fs';
import path from 'node:path';

/** The project's root: the nearest folder above `from` that holds nest-cli.json. */
export function repoRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  while (!existsSync(path.join(dir, 'nest-cli.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no nest-cli.json above ${from}`);
    dir = parent;
  }
  return dir;
}
