'use strict';
// `npm test`: the whole suite. Builds (the start-up tests run the built services), type-checks,
// lints, then runs Jest, whose global setup starts the real servers. Ends with one plain line,
// from Jest's own results: `N passed, N failed, N skipped`. Arguments go to Jest.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const node = process.execPath;
const JEST_LIMIT_MS = 30 * 60 * 1000;

function step(label, command, args, options = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  process.stdout.write(`[npm test] ${label}: ${ok ? 'ok' : 'FAILED'} (${seconds} s)\n`);
  return ok;
}

const jestArgs = process.argv.slice(2);
const summaryFile = path.join(root, '.cache', 'test-summary.json');
fs.rmSync(summaryFile, { force: true });

const checks = [
  step('build', node, [path.join(root, 'scripts', 'build.cjs'), '--quiet']),
  step('typecheck', node, [bin('tsc'), '-p', 'tsconfig.json', '--noEmit']),
  step('lint', node, [bin('eslint'), '.', '--max-warnings=0']),
  step('format', node, [bin('prettier'), '--check', '--log-level=warn', '.']),
];
// Jest needs VM modules to load the ESM-only NestJS packages. kafkajs sets a negative timer in
// its request queue on Node 24 (clamped to 1 ms, harmless); its warning is silenced.
const jestNodeOptions = '--experimental-vm-modules --disable-warning=TimeoutNegativeWarning';
const jestOk = step('jest', node, [bin('jest'), ...jestArgs], {
  env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${jestNodeOptions}`.trim() },
  timeout: JEST_LIMIT_MS,
  killSignal: 'SIGKILL',
});

const failedChecks = ['build', 'typecheck', 'lint', 'format'].filter((_, i) => !checks[i]);
if (failedChecks.length > 0) process.stdout.write(`[npm test] failed checks: ${failedChecks.join(', ')}\n`);

let summary = { passed: 0, failed: 0, skipped: 0 };
if (fs.existsSync(summaryFile)) summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
else process.stdout.write('[npm test] Jest reported no results (see its output above)\n');
process.stdout.write(`${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped\n`);
process.exit(jestOk && failedChecks.length === 0 && fs.existsSync(summaryFile) ? 0 : 1);
