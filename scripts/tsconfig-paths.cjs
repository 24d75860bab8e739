'use strict';
// The path aliases (@portal/…) are declared once, in tsconfig.json; the build and Jest read
// them from there.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function readAliases() {
  const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
  return tsconfig.compilerOptions.paths;
}

/** Jest moduleNameMapper entries: '^@portal/x$' -> '<rootDir>/libs/x/src/index.ts'. */
function jestModuleNameMapper() {
  const mapper = {};
  for (const [alias, [target]] of Object.entries(readAliases())) {
    mapper[`^${alias.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`] = `<rootDir>/${target}`;
  }
  return mapper;
}

/**
 * The build's SWC options: .swcrc, with the path aliases rewritten to relative requires. Used by
 * the build and by scripts/ts-register.cjs, so that code run from source compiles as built.
 */
function buildSwcOptions() {
  const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
  delete swcrc.$schema;
  swcrc.jsc.baseUrl = root;
  swcrc.jsc.paths = readAliases();
  swcrc.swcrc = false;
  return swcrc;
}

module.exports = { root, readAliases, jestModuleNameMapper, buildSwcOptions };
