import { decodeUsageRecords, type UsageRecord } from '@portal/contracts';
import { USAGE_REQUESTS_TOPIC } from '@portal/messaging';
import { GatewayTestApp, silence } from './gateway-test-app';

describe('usage records', () => {
  let gateway: GatewayTestApp;
  const records: UsageRecord[] = [];
  const messages: string[] = [];

  beforeAll(async () => {
    gateway = await GatewayTestApp.start({ usageFlushMs: 20 });
    await gateway.bus.subscribe({
      topic: USAGE_REQUESTS_TOPIC,
      group: 'gateway-test.usage',
      handler: (message) => {
        messages.push(message.value.toString('utf8'));
        records.push(...(decodeUsageRecords(message.value)?.records ?? []));
        return Promise.resolve();
      },
    });
  });

  afterAll(async () => {
    await gateway.stop();
  });

  it('publishes one record per forwarded or refused call, keyed by key id, with no key material', async () => {
    const key = await gateway.issueKey({ limits: { rate: { perSecond: 1, burst: 1 } } });
    const forwarded = await gateway.partner('/v1/things?secret=1', key.secret, { headers: { 'x-request-id': 'u-1' } });
    await gateway.partner('/v1/things', key.secret, { headers: { 'x-request-id': 'u-2' } });
    await gateway.partner('/v1/things', null, { headers: { 'x-request-id': 'u-3' } });
    expect(forwarded.status).toBe(200);

    await gateway.until(async () =>
      Promise.resolve(['u-1', 'u-2', 'u-3'].every((id) => records.some((r) => r.requestId === id))),
    );
    const byId = (id: string) => records.find((record) => record.requestId === id);
    expect(byId('u-1')).toMatchObject({
      keyId: key.keyId,
      teamId: key.teamId,
      environment: 'production',
      method: 'GET',
      route: '/v1/things',
      status: 200,
      outcome: 'forwarded',
    });
    expect(byId('u-2')).toMatchObject({ keyId: key.keyId, status: 429, outcome: 'rate_limited' });
    expect(byId('u-3')).toMatchObject({ keyId: null, status: 401, outcome: 'unauthenticated' });
    expect(byId('u-1')?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(messages.join('\n')).not.toContain(key.secret);
  });

  it('records a call the keys service could not confirm as unconfirmed', async () => {
    const key = await gateway.issueKey();
    silence(gateway, 10_000);
    gateway.keyLookup.failing = true;

    await gateway.partner('/v1/things', key.secret, { headers: { 'x-request-id': 'u-4' } });

    jest.restoreAllMocks();
    gateway.keyLookup.failing = false;
    await gateway.until(async () => Promise.resolve(records.some((record) => record.requestId === 'u-4')));
    expect(records.find((record) => record.requestId === 'u-4')).toMatchObject({ status: 503, outcome: 'unconfirmed' });
  });

  it('publishes what is left when the gateway stops', async () => {
    const slow = await GatewayTestApp.start({ usageFlushMs: 60_000 });
    const usage = slow.usage;
    try {
      const late = await slow.issueKey();
      await slow.partner('/v1/late', late.secret);
      expect(usage.counts().buffered).toBe(1);
    } finally {
      await slow.stop();
    }

    expect(usage.counts()).toEqual({ published: 1, buffered: 0, dropped: 0 });
  });
});
