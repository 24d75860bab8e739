import { connect } from 'node:net';

const PROBE_TIMEOUT_MS = 2000;

/**
 * Whether something accepts TCP connections on 127.0.0.1:`port` right now: true once
 * connected (the probe then hangs up), false when refused. Other failures are raised.
 */
export function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(PROBE_TIMEOUT_MS, () => socket.destroy(new Error(`127.0.0.1:${port} did not answer`)));
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') resolve(false);
      else reject(error);
    });
  });
}
