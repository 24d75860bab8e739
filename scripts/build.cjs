'use strict';
// Compiles every TypeScript source under apps/, libs/, tools/, bench/ and test/support/ (which
// the benchmarks share with the tests) to CommonJS in dist/, with
// SWC (decorator metadata included, path aliases rewritten to relative requires). Type
// checking is `npm run typecheck`, part of `npm test`; this build only transpiles, so that
// `npm start` is up within seconds.
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');
const { root, buildSwcOptions } = require('./tsconfig-paths.cjs');

const SOURCE_DIRS = ['apps', 'libs', 'tools', 'bench', 'test/support'];
const OUT_DIR = path.join(root, 'dist');
const SKIP = /(\.spec\.ts|\.contract\.ts|\.d\.ts)$/;

function* sources(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'fixtures') yield* sources(full);
    } else if (entry.name.endsWith('.ts') && !SKIP.test(entry.name)) {
      yield full;
    }
  }
}

/** Replaces a file whole, so that a process starting from dist/ meanwhile never reads half of it. */
function writeAtomically(file, content) {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}

/**
 * Removes what an earlier build left for sources that no longer exist. Another build's files in
 * the making (`*.tmp`) are left alone: test suites that start built services each build, and two
 * may run at once; removing the other's file before its rename failed that build.
 */
function removeStale(written) {
  if (!fs.existsSync(OUT_DIR)) return;
  for (const entry of fs.readdirSync(OUT_DIR, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && !written.has(full) && !full.endsWith('.tmp')) fs.rmSync(full, { force: true });
  }
}

async function main() {
  const started = Date.now();
  const swcrc = buildSwcOptions();
  const files = SOURCE_DIRS.filter((d) => fs.existsSync(path.join(root, d))).flatMap((d) => [
    ...sources(path.join(root, d)),
  ]);
  await Promise.all(
    files.map(async (file) => {
      const out = path.join(OUT_DIR, path.relative(root, file)).replace(/\.ts$/, '.js');
      const result = await swc.transformFile(file, {
        ...swcrc,
        filename: file,
        outputPath: out,
        sourceFileName: path.relative(path.dirname(out), file),
      });
      fs.mkdirSync(path.dirname(out), { recursive: true });
      writeAtomically(out, `${result.code}\n//# sourceMappingURL=${path.basename(out)}.map\n`);
      if (result.map) writeAtomically(`${out}.map`, result.map);
      return [out, `${out}.map`];
    }),
  ).then((written) => removeStale(new Set(written.flat())));
  if (!process.argv.includes('--quiet')) {
    process.stdout.write(`built ${files.length} files in ${Date.now() - started} ms\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`build failed: ${error.message}\n`);
  process.exit(1);
});
