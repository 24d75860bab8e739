import { spawnSync } from 'node:child_process';
import { buildProject } from '../support/build-project';
import { repoRoot } from '../support/service-process';

/*
 * A process loads a store's or server's driver only when its configuration names that store or
 * server: PostgreSQL, KurrentDB, MongoDB and SMTP drivers are loaded on demand. They took about
 * 20 MB of heap in every process, the gateway's and the one-process portal's included, and a
 * larger heap makes every full collection longer.
 */

const DRIVERS = ['pg', '@kurrent/kurrentdb-client', 'mongoose', 'mongodb', 'nodemailer'];

/** The packages a fresh Node process has loaded after requiring `modules` from the build, in order. */
function packagesLoadedBy(...modules: string[]): string[] {
  const script = `
    for (const module of ${JSON.stringify(modules)}) require(require('node:path').join(${JSON.stringify(repoRoot)}, 'dist', module));
    const names = new Set();
    for (const file of Object.keys(require.cache)) {
      const inside = file.split('/node_modules/').at(-1);
      if (inside === file) continue;
      const parts = inside.split('/');
      names.add(parts[0].startsWith('@') ? parts[0] + '/' + parts[1] : parts[0]);
    }
    process.stdout.write(JSON.stringify([...names]));
  `;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: repoRoot, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`loading ${modules.join(', ')} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[];
}

describe('drivers are loaded on demand', () => {
  beforeAll(buildProject, 120_000);

  it.each([
    ['the gateway', 'apps/gateway/src/gateway.definition.js'],
    ['the one-process portal', 'apps/portal/src/portal.definition.js'],
  ])('%s loads no store or mail driver until its configuration names one', (_name, definition) => {
    const loaded = packagesLoadedBy(definition);

    expect(loaded).toContain('kafkajs');
    expect(loaded.filter((name) => DRIVERS.includes(name))).toEqual([]);
  });

  it('loads an adapter and its driver once it is asked for', () => {
    const loaded = packagesLoadedBy(
      'apps/gateway/src/gateway.definition.js',
      'libs/event-sourcing/src/postgres/postgres-event-store.js',
      'libs/read-models/src/mongo/mongo-read-model-store.js',
    );

    expect(loaded).toEqual(expect.arrayContaining(['pg', 'mongoose', 'mongodb']));
  });
});
