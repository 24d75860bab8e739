import { GatewayTestApp, type IssuedKey, silence } from './gateway-test-app';

describe('the gateway fails closed when its bus is silent', () => {
  let gateway: GatewayTestApp;
  let key: IssuedKey;

  beforeAll(async () => {
    gateway = await GatewayTestApp.start({ confirmTimeoutMs: 200 });
    key = await gateway.issueKey();
  });

  afterEach(() => {
    jest.restoreAllMocks();
    gateway.keyLookup.failing = false;
    gateway.keyLookup.delayMs = 0;
  });

  afterAll(async () => {
    await gateway.stop();
  });

  it('trusts its cache while the bus is in contact: no lookup per call', async () => {
    const before = gateway.keyLookup.calls;

    expect((await gateway.partner('/v1/ping', key.secret)).status).toBe(200);
    expect(gateway.keyLookup.calls).toBe(before);
  });

  it.each([
    ['silent for longer than the threshold', 10_000],
    ['never heard from', null],
  ])('confirms each key with the keys service while the bus is %s', async (_case, ms) => {
    silence(gateway, ms);
    const before = gateway.keyLookup.calls;

    const answer = await gateway.partner('/v1/ping', key.secret);

    expect(answer.status).toBe(200);
    expect(gateway.keyLookup.calls).toBe(before + 1);
  });

  it('answers 503 problem+json when the keys service cannot confirm the key either', async () => {
    silence(gateway, 10_000);
    gateway.keyLookup.failing = true;

    const answer = await gateway.partner('/v1/ping', key.secret);

    expect(answer.status).toBe(503);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.body.code).toBe('GATEWAY.UNAVAILABLE');
  });

  it('answers 503 when the keys service is too slow to confirm', async () => {
    silence(gateway, 10_000);
    gateway.keyLookup.delayMs = 1_000;
    const started = Date.now();

    const answer = await gateway.partner('/v1/ping', key.secret);

    expect(answer.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('still refuses a malformed key with 401 without asking anyone', async () => {
    silence(gateway, 10_000);
    gateway.keyLookup.failing = true;

    expect((await gateway.partner('/v1/ping', 'cr3_live_x')).status).toBe(401);
  });

  it('a revoked key stays refused while the bus is silent: the keys service says so', async () => {
    const revoked = await gateway.issueKey();
    await gateway.revoke(revoked);
    silence(gateway, 10_000);

    expect((await gateway.partner('/v1/ping', revoked.secret)).status).toBe(401);
  });
});

describe('a gateway without a key lookup (running alone without INTERNAL_TOKEN)', () => {
  let gateway: GatewayTestApp;

  beforeAll(async () => {
    gateway = await GatewayTestApp.start({}, {}, { withLookup: false });
  });

  afterAll(async () => {
    await gateway.stop();
  });

  it('learns keys from the bus alone, and refuses every key with 503 while the bus is silent', async () => {
    const key = await gateway.issueKey();
    expect((await gateway.partner('/v1/ping', key.secret)).status).toBe(200);

    silence(gateway, 10_000);

    expect((await gateway.partner('/v1/ping', key.secret)).status).toBe(503);
  });
});
