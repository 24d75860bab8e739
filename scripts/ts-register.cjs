'use strict';
// Lets a thread or process run the TypeScript sources directly, as the tests do, with the
// build's SWC settings and path aliases: `node --require scripts/ts-register.cjs file.ts`.
// The services' own worker threads use it when they run from source (under Jest); built, they
// start the compiled file and need nothing of this.
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');
const { root, readAliases } = require('./tsconfig-paths.cjs');

const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
swcrc.jsc.baseUrl = root;
swcrc.jsc.paths = readAliases();
swcrc.swcrc = false;

require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...swcrc, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};
