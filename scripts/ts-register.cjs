'use strict';
// Lets a thread or process run the TypeScript sources directly, as the tests do, with the
// build's SWC settings and path aliases: `node --require scripts/ts-register.cjs file.ts`.
// The services' own worker threads use it when they run from source (under Jest); built, they
// start the compiled file and need nothing of this.
const fs = require('node:fs');
const swc = require('@swc/core');
const { buildSwcOptions } = require('./tsconfig-paths.cjs');

const swcrc = buildSwcOptions();

require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...swcrc, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};
