import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CommonPasswords } from '@portal/identity-domain';

const requireFromHere = createRequire(__filename);
let loaded: ReadonlySet<string> | null = null;

/**
 * The ~49,000 most common passwords, from the list @zxcvbn-ts/language-common ships
 * (`src/passwords.json`, a JSON array), lower-cased. Read once per process.
 */
export function commonPasswords(): CommonPasswords {
  if (loaded === null) {
    const folder = path.dirname(requireFromHere.resolve('@zxcvbn-ts/language-common/package.json'));
    const list: unknown = JSON.parse(readFileSync(path.join(folder, 'src', 'passwords.json'), 'utf8'));
    if (!Array.isArray(list) || !list.every((entry) => typeof entry === 'string')) {
      throw new Error('@zxcvbn-ts/language-common/src/passwords.json is not a list of strings');
    }
    loaded = new Set(list.map((entry) => entry.toLowerCase()));
  }
  return loaded;
}
