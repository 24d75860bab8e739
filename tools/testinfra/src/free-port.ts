import { randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';

/** Ports already handed out by this process, never handed out twice. */
const handedOut = new Set<number>();

/** Where stable ports start: above the well-known and most registered service ports. */
const STABLE_LOW = 10_000;
const STABLE_ATTEMPTS = 1000;
const LINUX_PORT_RANGE = '/proc/sys/net/ipv4/ip_local_port_range';
/** The IANA dynamic range, which macOS and Windows use for outgoing connections. */
const IANA_DYNAMIC_LOW = 49_152;

/** Listens on `port` of 127.0.0.1 (0: any free one); undefined when the port is taken. */
function listenOn(port: number): Promise<Server | undefined> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (port !== 0 && (error.code === 'EADDRINUSE' || error.code === 'EACCES')) resolve(undefined);
      else reject(error);
    });
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP port');
  return address.port;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

/** `count` distinct ports not handed out before, each held by `listen` until all are found. */
async function collectPorts(
  count: number,
  attempts: number,
  listen: () => Promise<Server | undefined>,
): Promise<number[]> {
  const held: Server[] = [];
  const ports: number[] = [];
  try {
    for (let attempt = 0; ports.length < count; attempt++) {
      if (attempt === attempts) throw new Error(`found ${ports.length} of ${count} free ports in ${attempts} attempts`);
      const server = await listen();
      if (server === undefined) continue;
      held.push(server);
      const port = portOf(server);
      if (!handedOut.has(port)) ports.push(port);
    }
  } finally {
    await Promise.all(held.map(close));
  }
  ports.forEach((port) => handedOut.add(port));
  return ports;
}

/** `count` distinct ports on 127.0.0.1 that were free a moment ago. */
export function freePorts(count: number): Promise<number[]> {
  return collectPorts(count, Infinity, () => listenOn(0));
}

export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  if (port === undefined) throw new Error('no free port');
  return port;
}

/** The lowest port the system picks for the local end of outgoing connections. */
export function ephemeralPortLow(): number {
  if (!existsSync(LINUX_PORT_RANGE)) return IANA_DYNAMIC_LOW;
  const low = Number(readFileSync(LINUX_PORT_RANGE, 'utf8').trim().split(/\s+/)[0]);
  return Number.isInteger(low) && low > 0 ? low : IANA_DYNAMIC_LOW;
}

/**
 * Like freePorts, but below the range the system picks from for outgoing connections, so
 * that a server can listen on them again after it was killed: while it is down, no client
 * connection elsewhere can take its port, and a client retrying against it cannot end up
 * connected to itself (a TCP self-connect, which holds the port until the client lets go).
 */
export function freeStablePorts(count: number): Promise<number[]> {
  const high = ephemeralPortLow();
  if (high <= STABLE_LOW) throw new Error(`the ephemeral port range starts at ${high}: no stable ports below it`);
  return collectPorts(count, STABLE_ATTEMPTS, () => listenOn(randomInt(STABLE_LOW, high)));
}
