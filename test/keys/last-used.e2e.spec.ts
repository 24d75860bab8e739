import type { DeliveredMessage } from '@portal/messaging';
import { MESSAGE_BUS, type MessageBus, USAGE_REQUESTS_TOPIC } from '@portal/messaging';
import type { ServiceConfig } from '@portal/config';
import { SERVICE_CONFIG } from '@portal/platform';
import { READ_MODEL_STORE, type ReadModelStore } from '@portal/read-models';
import { LastUsedRecorder } from '../../apps/keys/src/last-used/last-used.recorder';
import { KeysClock } from '../../apps/keys/src/shared/keys-clock';
import { encodeUsageRecords, type UsageRecord } from '@portal/contracts';
import { eventually, keysTeamOfThree, keysUrl, KeysTestApp, usageRecord } from './keys-test-app';

type World = Awaited<ReturnType<typeof keysTeamOfThree>>;

const delivered = (value: string): DeliveredMessage => ({
  topic: USAGE_REQUESTS_TOPIC,
  key: 'k',
  value: Buffer.from(value),
  headers: {},
  partition: 0,
  offset: '0',
  publishedAt: new Date(),
  attempt: 1,
});

describe('keys: last used, from the gateway usage records, at most once a minute per key', () => {
  let app: KeysTestApp;
  let w: World;
  let keyId: string;

  beforeAll(async () => {
    app = await KeysTestApp.start();
    w = await keysTeamOfThree(app);
    keyId = String((await app.createKey(w.owner, w.teamId)).body.keyId);
    await app.keyOnceListed(w.member, w.teamId, keyId);
  });

  afterAll(async () => {
    await app.stop();
  });

  const lastUsed = async () => {
    const answer = await app.as(w.member, keysUrl(w.teamId, `/${keyId}`));
    return { lastUsedAt: answer.body.lastUsedAt, lastUsedNetwork: answer.body.lastUsedNetwork };
  };
  const handle = (record: UsageRecord) => app.lastUsedRecorder().handle(delivered(encodeUsageRecords([record])));

  it('records the first use from the bus, with the /24 of the caller', async () => {
    const t0 = new Date(Date.now() - 10 * 60_000);
    await app.publishUsage([usageRecord(keyId, t0, '203.0.113.77')]);
    const seen = await eventually(async () => {
      const now = await lastUsed();
      return now.lastUsedAt === null ? undefined : now;
    });
    expect(seen).toEqual({ lastUsedAt: t0.toISOString(), lastUsedNetwork: '203.0.113.0/24' });

    // Within the minute: nothing changes, whatever the network.
    await handle(usageRecord(keyId, new Date(t0.getTime() + 30_000), '198.51.100.1'));
    expect(await lastUsed()).toEqual(seen);

    // A minute later: the new time and network.
    const t1 = new Date(t0.getTime() + 61_000);
    await handle(usageRecord(keyId, t1, '2001:db8:aa:bb::1'));
    expect(await lastUsed()).toEqual({ lastUsedAt: t1.toISOString(), lastUsedNetwork: '2001:db8:aa::/48' });

    // Never back in time, not even from a late record more than a minute older.
    await handle(usageRecord(keyId, t0, '192.0.2.1'));
    expect((await lastUsed()).lastUsedAt).toBe(t1.toISOString());

    // Another instance (or a restart) has no memory, and still writes at most once a minute.
    const other = new LastUsedRecorder(
      app.app.get<MessageBus>(MESSAGE_BUS),
      app.app.get<ReadModelStore>(READ_MODEL_STORE),
      app.app.get(KeysClock),
      app.app.get<ServiceConfig>(SERVICE_CONFIG),
    );
    await other.handle(delivered(encodeUsageRecords([usageRecord(keyId, new Date(t1.getTime() + 20_000))])));
    expect((await lastUsed()).lastUsedAt).toBe(t1.toISOString());
    const t2 = new Date(t1.getTime() + 60_000);
    await other.handle(delivered(encodeUsageRecords([usageRecord(keyId, t2, '192.0.2.200')])));
    expect(await lastUsed()).toEqual({ lastUsedAt: t2.toISOString(), lastUsedNetwork: '192.0.2.0/24' });
  });

  it('skips malformed records and records without a key, and never fails on them', async () => {
    const before = await lastUsed();
    await expect(app.lastUsedRecorder().handle(delivered('not json'))).resolves.toBeUndefined();
    await expect(app.lastUsedRecorder().handle(delivered('{"version":2}'))).resolves.toBeUndefined();
    await expect(handle(usageRecord(null, new Date()))).resolves.toBeUndefined();
    const future = usageRecord(keyId, new Date(Date.now() + 24 * 60 * 60_000));
    await expect(handle(future)).resolves.toBeUndefined();
    expect(await lastUsed()).toEqual(before);
    // The bus subscription goes on after a malformed message.
    const other = String((await app.createKey(w.owner, w.teamId, { name: 'Other' })).body.keyId);
    await app.keyOnceListed(w.member, w.teamId, other);
    const bus = app.app.get<MessageBus>(MESSAGE_BUS);
    await bus.publish(USAGE_REQUESTS_TOPIC, [{ key: other, value: 'garbage' }]);
    await app.publishUsage([usageRecord(other, new Date())]);
    await eventually(async () => {
      const answer = await app.as(w.member, keysUrl(w.teamId, `/${other}`));
      return answer.body.lastUsedAt === null ? undefined : answer;
    });
  });
});
