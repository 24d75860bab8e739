import { startDemoUpstream } from '../../apps/gateway/src/demo-upstream/demo-upstream';

/*
 * The gateway benchmark's upstream in a process of its own: the built-in demo upstream, so
 * that the proxy under test and the upstream do not share an event loop. Prints one JSON line
 * with its two addresses, then runs until SIGTERM.
 */
async function main(): Promise<void> {
  const upstream = await startDemoUpstream();
  process.stdout.write(`${JSON.stringify({ live: upstream.live.href, sandbox: upstream.sandbox.href })}\n`);
  process.once('SIGTERM', () => void upstream.close().then(() => process.exit(0)));
}

void main();
