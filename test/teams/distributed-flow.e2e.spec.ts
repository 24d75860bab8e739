import { randomBytes } from 'node:crypto';
import { createConnection } from 'mongoose';
import { describeWithServer, serverAddress } from '../support/requires-server';
import { onPostgres, withDatabase } from '../support/server-urls';
import { tokenOf } from './team-world';
import { eventually, TeamsTestApp } from './teams-test-app';

/**
 * The invitation flow of invitation-flow.e2e.spec.ts, on the distributed adapters: events in
 * PostgreSQL, relayed through Kafka, projected into FerretDB (MongoDB), mail over SMTP to the
 * test servers' sink, read back from its API.
 *
 * Isolation: the event store's schema is fixed (`openEventStore` passes no `schema`), so the
 * run gets a database of its own on the shared server; the read models get a database of
 * their own in MONGODB_URI's path; emails carry a random run id. The Kafka topics
 * (`portal.<domain>.events`) and the projections' consumer groups (`projection.<name>`) have
 * fixed names: a second distributed portal on the same broker at the same time would join the
 * same groups and take over some partitions, projecting this run's events into its own read
 * store. No other test file runs the portal on Kafka today; one that does must not run
 * concurrently with this one (or the groups need a per-deployment prefix).
 */

/** Any string (typed for the linter: jest's matchers are `any`). */
const anyString: unknown = expect.any(String);

/** Kafka consumer groups join and the relay's first round trip take a few seconds. */
const PIPELINE_WAIT_MS = 20_000;

interface SinkMessage {
  readonly from: string | null;
  readonly to: string[];
  readonly subject: string;
  readonly text: string;
}

/** The newest message the SMTP sink holds for `recipient`, once it is there. */
function sinkMailTo(sinkApi: string, recipient: string): Promise<SinkMessage> {
  return eventually(async () => {
    const response = await fetch(`${sinkApi}/messages`);
    if (response.status !== 200) return undefined;
    const messages = (await response.json()) as SinkMessage[];
    return messages.filter((message) => message.to.includes(recipient)).at(-1);
  }, PIPELINE_WAIT_MS);
}

describeWithServer('postgres', 'teams, distributed', () => {
  describeWithServer('kafka', 'on Kafka', () => {
    describeWithServer('mongodb', 'with FerretDB read models', () => {
      describeWithServer('smtp', 'and mail over SMTP', () => {
        const sinkApi = process.env.SMTP_SINK_API;
        const withSink = sinkApi ? it : it.skip;
        const runId = `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
        const database = `portal_flow_${runId}`;
        const postgresUrl = serverAddress('postgres') ?? '';
        const mongoUrl = serverAddress('mongodb') ?? '';
        let app: TeamsTestApp | undefined;
        let databaseCreated = false;

        beforeAll(async () => {
          await onPostgres(postgresUrl, `CREATE DATABASE ${database}`);
          databaseCreated = true;
          app = await TeamsTestApp.start({
            EVENT_STORE: 'postgres',
            DATABASE_URL: withDatabase(postgresUrl, database),
            BUS: 'kafka',
            KAFKA_BROKERS: serverAddress('kafka') ?? '',
            READ_STORE: 'mongodb',
            MONGODB_URI: withDatabase(mongoUrl, database),
            SMTP_URL: serverAddress('smtp') ?? '',
          });
        }, 30_000);

        afterAll(async () => {
          await app?.stop();
          if (databaseCreated) {
            await onPostgres(postgresUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
            const mongo = await createConnection(withDatabase(mongoUrl, database)).asPromise();
            try {
              await mongo.dropDatabase();
            } finally {
              await mongo.close();
            }
          }
        }, 30_000);

        withSink(
          'the invitee follows the link mailed over SMTP, signs up, accepts and appears with the granted role',
          async () => {
            if (app === undefined) throw new Error('the portal did not start');
            const portal = app;
            const owner = await portal.signUpAndIn('Olivia Owner', `owner.${runId}@partner.example`);
            const created = await portal.as(owner, '/api/v1/teams', {
              body: { name: 'Acme Payments', description: 'Card acquiring' },
            });
            expect(created.status).toBe(201);
            const teamId = String(created.body.teamId);

            const inviteeEmail = `invitee.${runId}@partner.example`;
            const invited = await portal.as(owner, `/api/v1/teams/${teamId}/invitations`, {
              body: { email: inviteeEmail, role: 'admin', message: 'Welcome aboard!' },
            });
            expect(invited.status).toBe(201);
            expect(invited.body).toEqual({
              invitationId: anyString,
              email: inviteeEmail,
              role: 'admin',
              expiresAt: anyString,
            });
            expect((await portal.call('/api/v1/dev/mailbox')).status).toBe(404);

            const mail = await sinkMailTo(sinkApi ?? '', inviteeEmail);
            expect(mail.to).toEqual([inviteeEmail]);
            expect(mail.from).toBe('no-reply@portal.invalid');
            expect(mail.subject).toBe('Join Acme Payments on the Cr3dentials Partner Portal');
            expect(mail.text).toContain('Olivia Owner invited you to join the team "Acme Payments"');
            expect(mail.text).toContain('> Welcome aboard!');
            const token = tokenOf(mail.text);

            // Following the link: the public view reads team_invitations, projected via Kafka.
            const viewed = await eventually(async () => {
              const answer = await portal.call(`/api/v1/invitations/${token}`);
              return answer.status === 200 ? answer : undefined;
            }, PIPELINE_WAIT_MS);
            expect(viewed.body).toEqual({
              teamName: 'Acme Payments',
              role: 'admin',
              email: inviteeEmail,
              invitedBy: owner.email,
              expiresAt: invited.body.expiresAt,
            });

            const invitee = await portal.signUpAndIn('Ivy Invitee', inviteeEmail);
            const accepted = await portal.as(invitee, '/api/v1/invitations/accept', { body: { token } });
            expect(accepted.status).toBe(200);
            expect(accepted.body).toEqual({ teamId, teamName: 'Acme Payments', role: 'admin' });

            const overview = await eventually(async () => {
              const answer = await portal.as(invitee, `/api/v1/teams/${teamId}`);
              if (answer.status !== 200) return undefined;
              const members = answer.body.members as unknown[];
              const pending = answer.body.pendingInvitations as unknown[];
              return members.length === 2 && pending.length === 0 ? answer : undefined;
            }, PIPELINE_WAIT_MS);
            expect(overview.body).toMatchObject({ teamId, name: 'Acme Payments', yourRole: 'admin' });
            expect(overview.body.members).toEqual([
              expect.objectContaining({ userId: owner.userId, email: owner.email, role: 'owner' }),
              expect.objectContaining({ userId: invitee.userId, email: inviteeEmail, role: 'admin', inactive: false }),
            ]);
            expect(overview.body.pendingInvitations).toEqual([]);

            const again = await portal.as(invitee, '/api/v1/invitations/accept', { body: { token } });
            expect(again.status).toBe(410);
            expect(again.body).toMatchObject({ code: 'TEAM.INVITATION_USED' });
          },
          60_000,
        );
      });
    });
  });
});
