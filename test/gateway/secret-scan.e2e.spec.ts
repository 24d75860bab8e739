import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { createConnection } from 'mongoose';
import { Client } from 'pg';
import { startDistributedStack, type KeyStack } from '../../bench/gateway/key-stacks';
import { PortalClient } from '../../bench/gateway/portal-client';
import { buildProject } from '../support/build-project';
import { describeWithServer, serverAddress } from '../support/requires-server';
import { withDatabase } from '../support/server-urls';

const SETUP_TIMEOUT_MS = 180_000;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/*
 * No key's plaintext is kept anywhere but by the partner. The portal runs distributed
 * (PostgreSQL event store, Kafka, FerretDB read models, a gateway in its own process, logs at
 * `verbose`); keys are created, rolled and revoked, and called with in every way a partner
 * might (good, revoked, with a broken checksum, through `x-api-key`, through the verify
 * endpoint). Then every row of the event store's database, every read-model document, every
 * message of every portal topic, every file the processes wrote and all they logged is
 * searched for each key, and for each key's random body without its prefix.
 */
describeWithServer('postgres', 'secret scan', () => {
  describeWithServer('kafka', 'on Kafka', () => {
    describeWithServer('mongodb', 'with FerretDB read models', () => {
      let stack: KeyStack | undefined;
      const secrets: string[] = [];

      beforeAll(async () => {
        buildProject();
        stack = await startDistributedStack({
          databaseUrl: serverAddress('postgres') ?? '',
          kafkaBrokers: serverAddress('kafka') ?? '',
          mongodbUri: serverAddress('mongodb') ?? '',
          logLevel: 'verbose',
        });
      }, SETUP_TIMEOUT_MS);

      afterAll(() => stack?.stop(), SETUP_TIMEOUT_MS);

      /** Calls the gateway with the key in the ways partners do, until `status` comes back. */
      async function callUntil(gatewayUrl: string, secret: string, status: number): Promise<void> {
        const deadline = Date.now() + 20_000;
        for (;;) {
          const answer = await fetch(`${gatewayUrl}/v1/scan?probe=1`, {
            headers: { authorization: `Bearer ${secret}` },
          });
          await answer.arrayBuffer();
          if (answer.status === status) return;
          if (Date.now() > deadline) throw new Error(`the gateway kept answering ${answer.status}, not ${status}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }

      async function exercise(stack: KeyStack): Promise<void> {
        const { apiUrl, gatewayUrl } = stack;
        const client = await PortalClient.signUpAndIn(apiUrl);
        const teamId = await client.createTeam('Secret scan');
        const live = await client.createKeyWhenTeamKnown(teamId, { environment: 'production' });
        const test = await client.createKey(teamId, { environment: 'development' });
        const doomed = await client.createKey(teamId, { environment: 'production' });
        secrets.push(live.secret, test.secret, doomed.secret);
        await callUntil(gatewayUrl, live.secret, 200);
        await callUntil(gatewayUrl, test.secret, 200);
        await callUntil(gatewayUrl, doomed.secret, 200);
        const viaHeader = await fetch(`${gatewayUrl}/v1/scan`, {
          method: 'POST',
          headers: { 'x-api-key': live.secret },
          body: 'x',
        });
        expect(viaHeader.status).toBe(200);
        await viaHeader.arrayBuffer();
        const verified = await fetch(`${gatewayUrl}/v1/keys/verify`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ key: test.secret }),
        });
        expect(await verified.json()).toMatchObject({ valid: true });
        await client.revokeKey(teamId, doomed.keyId);
        await callUntil(gatewayUrl, doomed.secret, 401);
        // A key whose last character is changed: its checksum fails, and it is no less a secret.
        const last = live.secret.at(-1) ?? '0';
        const broken = `${live.secret.slice(0, -1)}${BASE62[(BASE62.indexOf(last) + 1) % BASE62.length]}`;
        secrets.push(broken);
        await callUntil(gatewayUrl, broken, 401);
        // Roll: the replacement's secret is shown once, too.
        const rolled = await fetch(`${apiUrl}/api/v1/teams/${teamId}/keys/${live.keyId}/roll`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...client.headers() },
          body: JSON.stringify({ name: 'replacement', grace: '1h' }),
        });
        expect(rolled.status).toBe(201);
        const replacement = String(((await rolled.json()) as { secret: string }).secret);
        secrets.push(replacement);
        await callUntil(gatewayUrl, replacement, 200);
        // Let the usage records and the last-used writes reach Kafka and the read models.
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }

      async function eventStoreText(stack: KeyStack): Promise<string> {
        const client = new Client({
          connectionString: withDatabase(serverAddress('postgres') ?? '', stack.databases.postgres ?? ''),
        });
        await client.connect();
        try {
          const tables = await client.query<{ schema: string; name: string }>(
            `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
             WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
          );
          expect(tables.rows.length).toBeGreaterThan(0);
          const parts: string[] = [];
          for (const { schema, name } of tables.rows) {
            const rows = await client.query<{ row: string }>(
              `SELECT row_to_json(t)::text AS row FROM "${schema}"."${name}" t`,
            );
            parts.push(...rows.rows.map((r) => r.row));
          }
          return parts.join('\n');
        } finally {
          await client.end();
        }
      }

      async function readModelsText(stack: KeyStack): Promise<string> {
        const connection = await createConnection(
          withDatabase(serverAddress('mongodb') ?? '', stack.databases.mongodb ?? ''),
        ).asPromise();
        try {
          const db = connection.db;
          if (db === undefined) throw new Error('no database');
          const parts: string[] = [];
          for (const { name } of await db.listCollections().toArray()) {
            parts.push(JSON.stringify(await db.collection(name).find({}).toArray()));
          }
          expect(parts.join('')).toContain('secretHash');
          return parts.join('\n');
        } finally {
          await connection.close();
        }
      }

      async function kafkaText(): Promise<string> {
        const kafka = new Kafka({ brokers: (serverAddress('kafka') ?? '').split(','), logLevel: logLevel.NOTHING });
        const admin = kafka.admin();
        await admin.connect();
        const topics = (await admin.listTopics()).filter((topic) => topic.startsWith('portal.'));
        const ends = new Map<string, number>();
        for (const topic of topics) {
          for (const { partition, high } of await admin.fetchTopicOffsets(topic))
            ends.set(`${topic}/${partition}`, Number(high));
        }
        await admin.disconnect();
        expect(topics).toEqual(expect.arrayContaining(['portal.keys.events', 'portal.usage.requests']));
        const parts: string[] = [];
        const consumer = kafka.consumer({ groupId: `secret-scan-${Date.now()}` });
        await consumer.connect();
        await consumer.subscribe({ topics, fromBeginning: true });
        const remaining = new Set([...ends].filter(([, high]) => high > 0).map(([partition]) => partition));
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`topics not read to their end: ${[...remaining].join(', ')}`)),
            60_000,
          );
          void consumer.run({
            eachMessage: ({ topic, partition, message }) => {
              const headers = Object.values(message.headers ?? {}).map((value) => String(value));
              parts.push(String(message.key ?? ''), String(message.value ?? ''), ...headers);
              if (Number(message.offset) + 1 >= (ends.get(`${topic}/${partition}`) ?? 0))
                remaining.delete(`${topic}/${partition}`);
              if (remaining.size === 0) {
                clearTimeout(timer);
                resolve();
              }
              return Promise.resolve();
            },
          });
          if (remaining.size === 0) resolve();
        });
        await consumer.disconnect();
        return parts.join('\n');
      }

      function filesText(folder: string): string {
        return readdirSync(folder, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1'))
          .join('\n');
      }

      /** `read()` again until `done` holds for what it answers, for up to 60 s. */
      async function settled(read: () => Promise<string>, done: (text: string) => boolean): Promise<string> {
        const deadline = Date.now() + 60_000;
        for (;;) {
          const text = await read();
          if (done(text) || Date.now() > deadline) return text;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }

      it(
        'finds no key in the event store, read models, Kafka topics, files or logs',
        async () => {
          const running = stack as KeyStack;
          await exercise(running);
          const firstHash = createHash('sha256')
            .update(secrets[0] ?? '')
            .digest('hex');
          // The read models are complete once the projections have caught up; suites running
          // at the same time publish to the same topics, so that may take a while.
          const readModels = await settled(
            () => readModelsText(running),
            (text) => text.includes(firstHash),
          );
          const logs = running.processes.map((p) => `${p.stdout}\n${p.stderr}`).join('\n');
          const topics = await kafkaText();
          const places: Record<string, string> = {
            'event store': await eventStoreText(running),
            'read models': readModels,
            'Kafka topics': topics,
            'data files': filesText(running.dataDir),
            logs,
          };
          // What the scan reads is really there: usage records on Kafka, log lines from the processes.
          expect(topics).toMatch(/"outcome":\[[^\]]*"forwarded"/);
          expect(logs.length).toBeGreaterThan(0);
          expect(places['event store']).toContain(firstHash);
          expect(places['read models']).toContain(firstHash);
          for (const secret of secrets) {
            const body = secret.slice(secret.indexOf('_', 4) + 1);
            for (const [place, text] of Object.entries(places)) {
              expect({ place, holdsKey: text.includes(secret), holdsBody: text.includes(body) }).toEqual({
                place,
                holdsKey: false,
                holdsBody: false,
              });
            }
          }
        },
        SETUP_TIMEOUT_MS,
      );
    });
  });
});
