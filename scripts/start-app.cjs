'use strict';
// `npm run start:app -- <service>`: one service of the portal in a process of its own, built
// first: `node dist/apps/<service>/src/main.js`, configured by the environment like any
// service. Passes SIGINT and SIGTERM on to the service and exits with its exit code (0 when
// it stopped on one of those).
require('./check-node.cjs');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const SERVICE_NAME = /^[a-z][a-z-]*$/;

const isService = (name) => SERVICE_NAME.test(name) && fs.existsSync(path.join(root, 'apps', name, 'src', 'main.ts'));

const service = process.argv[2] ?? '';
if (!isService(service)) {
  const services = fs.readdirSync(path.join(root, 'apps')).filter(isService);
  process.stderr.write(`usage: npm run start:app -- <service>, one of: ${services.join(', ')}\n`);
  process.exit(2);
}
const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.cjs'), '--quiet'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn(process.execPath, [path.join(root, 'dist', 'apps', service, 'src', 'main.js')], {
  cwd: root,
  stdio: 'inherit',
});
let stopping = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = signal;
    child.kill(signal);
  });
}
// A service asked to stop may end by that very signal (Nest raises it again once it has closed):
// that is a clean stop. Any other end by a signal is a failure.
child.once('exit', (code, signal) => process.exit(code ?? (signal !== null && signal === stopping ? 0 : 1)));
