import type { PortalClient } from './portal-client';

/*
 * How long a revoked key keeps working at a gateway: for each of `count` keys, the time from
 * the revoke request's answer to the gateway's first 401 for that key, calling the gateway
 * with the key back to back until it refuses it.
 */

export interface RevocationTimingOptions {
  readonly client: PortalClient;
  readonly teamId: string;
  /** The gateway under test, e.g. `http://127.0.0.1:3000`. */
  readonly gatewayUrl: string;
  readonly count: number;
  /** Longest wait for a new key to work, and for a revoked one to be refused. */
  readonly timeoutMs: number;
  readonly progress?: (line: string) => void;
}

export interface RevocationTimings {
  /** Milliseconds from each revoke answer to the first 401, in the order revoked. */
  readonly refusedAfterMs: readonly number[];
  /** Calls the gateway answered with 200 after a key's revoke answer (before the first 401). */
  readonly callsAcceptedAfterRevoke: number;
}

async function status(gatewayUrl: string, secret: string): Promise<number> {
  const response = await fetch(`${gatewayUrl}/v1/revocation-probe`, { headers: { authorization: `Bearer ${secret}` } });
  await response.arrayBuffer();
  return response.status;
}

async function until(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
  }
}

export async function timeRevocations(options: RevocationTimingOptions): Promise<RevocationTimings> {
  const { client, teamId, gatewayUrl, count, timeoutMs } = options;
  const refusedAfterMs: number[] = [];
  let callsAcceptedAfterRevoke = 0;
  for (let i = 0; i < count; i += 1) {
    const key = await client.createKey(teamId, {});
    await until(
      'the gateway to accept a new key',
      timeoutMs,
      async () => (await status(gatewayUrl, key.secret)) === 200,
    );
    await client.revokeKey(teamId, key.keyId);
    const revokedAt = performance.now();
    await until('the gateway to refuse a revoked key', timeoutMs, async () => {
      const answer = await status(gatewayUrl, key.secret);
      if (answer === 200) callsAcceptedAfterRevoke += 1;
      else if (answer !== 401) throw new Error(`the gateway answered ${answer} for a revoked key`);
      return answer === 401;
    });
    refusedAfterMs.push(performance.now() - revokedAt);
    if ((i + 1) % 20 === 0) options.progress?.(`  ${i + 1}/${count} revocations timed`);
  }
  return { refusedAfterMs, callsAcceptedAfterRevoke };
}
