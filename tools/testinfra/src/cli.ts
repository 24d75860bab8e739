import { startTestInfra } from './start-test-infra';
import type { TestInfra } from './types';

/** Single-quoted for a POSIX shell. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function printEnvironment(infra: TestInfra): void {
  const lines = Object.entries(infra.env).map(([name, value]) => `export ${name}=${shellQuote(value)}`);
  const missing = infra.missing.map((server) => `# missing ${server.server}: ${server.reason}. ${server.howTo}`);
  process.stdout.write([...lines, ...missing, ''].join('\n'));
}

/**
 * Starts every test server, prints `export VAR=value` lines for them (and a comment for each
 * missing one), and keeps them running until SIGINT or SIGTERM. Progress goes to stderr, so
 * `eval "$(…)"`-style use sees only the exports.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const infra = await startTestInfra();
  printEnvironment(infra);
  process.stderr.write(`test servers up in ${((Date.now() - started) / 1000).toFixed(1)} s; Ctrl-C stops them\n`);
  const shutDown = (signal: NodeJS.Signals): void => {
    process.stderr.write(`${signal}: stopping the test servers\n`);
    infra.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`stopping failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutDown);
  process.once('SIGTERM', shutDown);
  setInterval(() => undefined, 1 << 30);
}

main().catch((error: unknown) => {
  process.stderr.write(`infra:up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
