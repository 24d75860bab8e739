import { type ServerName, startTestInfra, type TestInfra } from '../../tools/testinfra/src';

const ALL: ServerName[] = ['kafka', 'postgres', 'mongodb', 'smtp'];

declare global {
  var portalTestInfra: TestInfra | undefined;
}

/**
 * Starts the real servers the suites need (or takes the ones the environment names) and
 * passes their addresses to every test file through the environment. With CI=true a server
 * that cannot be had fails the run; elsewhere its suites are skipped, and one line here says
 * which server was missing and how to provide it. TEST_SERVERS=none (or a comma-separated
 * list) narrows what is started, for quick runs of pure unit tests.
 */
export default async function globalSetup(): Promise<void> {
  const servers = selectedServers(process.env.TEST_SERVERS);
  const started = Date.now();
  const infra = await startTestInfra({ servers, log: (line) => process.stdout.write(`[test servers] ${line}\n`) });
  globalThis.portalTestInfra = infra;
  Object.assign(process.env, infra.env);
  if (servers.length > 0) {
    const ready = servers.filter((server) => !infra.missing.some((m) => m.server === server));
    process.stdout.write(
      `\n[test servers] ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${ready.join(', ') || 'none'}\n`,
    );
  }
  for (const missing of infra.missing) {
    process.stdout.write(`[test servers] SKIPPING the ${missing.server} suites: ${missing.reason}. ${missing.howTo}\n`);
  }
  if (!process.env.EVENTSTORE_CONNECTION_STRING) {
    process.stdout.write(
      "[test servers] SKIPPING the eventstoredb suites: EVENTSTORE_CONNECTION_STRING is not set. EventStoreDB/KurrentDB cannot be installed by the project's scripts; point that variable at a server (esdb://host:2113?tls=false) to run them.\n",
    );
  }
  if (process.env.CI === 'true' && infra.missing.length > 0) {
    await infra.stop();
    throw new Error(`CI=true and these servers could not be started: ${infra.missing.map((m) => m.server).join(', ')}`);
  }
}

function selectedServers(raw: string | undefined): ServerName[] {
  if (raw === undefined || raw.trim() === '' || raw === 'all') return ALL;
  if (raw === 'none') return [];
  const names = raw.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(ALL as string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`TEST_SERVERS names unknown servers: ${unknown.join(', ')} (known: ${ALL.join(', ')})`);
  return names as ServerName[];
}
