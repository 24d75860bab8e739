import { median, percentile } from '../../bench/eventstore/timing';
import { startDistributedStack, type KeyStack } from '../../bench/gateway/key-stacks';
import { PortalClient } from '../../bench/gateway/portal-client';
import { timeRevocations } from '../../bench/gateway/revocation-timing';
import { buildProject } from '../support/build-project';
import { describeWithServer, serverAddress } from '../support/requires-server';

const SETUP_TIMEOUT_MS = 180_000;
const REVOCATIONS = 100;
/** The bound a refusal must come within for this test; the benchmark reports against the 500 ms target. */
const REFUSED_WITHIN_MS = 5_000;

/*
 * Revocation across processes: the portal (keys, identity, teams) runs in one process on
 * PostgreSQL and Kafka, the gateway in another that learns of keys only from Kafka. Each of
 * 100 keys is shown to work at the gateway, revoked through the REST API, and then called
 * back to back until the gateway refuses it; the time from the revoke answer to the first 401
 * is reported (p50, p99). `npm run bench:gateway` holds these figures to the target.
 */
describeWithServer('postgres', 'revocation through Kafka', () => {
  describeWithServer('kafka', 'gateway in its own process', () => {
    let stack: KeyStack | undefined;

    beforeAll(async () => {
      buildProject();
      stack = await startDistributedStack({
        databaseUrl: serverAddress('postgres') ?? '',
        kafkaBrokers: serverAddress('kafka') ?? '',
      });
    }, SETUP_TIMEOUT_MS);

    afterAll(() => stack?.stop(), SETUP_TIMEOUT_MS);

    it(
      `refuses each of ${REVOCATIONS} revoked keys soon after the revoke answer`,
      async () => {
        const { apiUrl, gatewayUrl } = stack as KeyStack;
        const client = await PortalClient.signUpAndIn(apiUrl);
        const teamId = await client.createTeam('Revocation timing');
        // The keys service learns of the team from Kafka.
        const first = await client.createKeyWhenTeamKnown(teamId, {});
        await client.revokeKey(teamId, first.keyId);

        const timings = await timeRevocations({
          client,
          teamId,
          gatewayUrl,
          count: REVOCATIONS,
          timeoutMs: REFUSED_WITHIN_MS,
        });
        const p50 = median(timings.refusedAfterMs);
        const p99 = percentile(
          [...timings.refusedAfterMs].sort((a, b) => a - b),
          0.99,
        );
        process.stdout.write(
          `revocation through Kafka, ${REVOCATIONS} keys: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ` +
            `max ${Math.max(...timings.refusedAfterMs).toFixed(1)} ms; ` +
            `${timings.callsAcceptedAfterRevoke} calls answered 200 after a revoke answer\n`,
        );
        expect(timings.refusedAfterMs).toHaveLength(REVOCATIONS);
        expect(Math.max(...timings.refusedAfterMs)).toBeLessThan(REFUSED_WITHIN_MS);
      },
      SETUP_TIMEOUT_MS,
    );
  });
});
