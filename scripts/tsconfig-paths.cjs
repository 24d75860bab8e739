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

module.exports = { root, readAliases, jestModuleNameMapper };
