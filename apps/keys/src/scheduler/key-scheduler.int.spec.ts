import { EmbeddedReadModelStore } from '@portal/read-models';
import type { KeyCommands } from '../shared/key-commands';
import { KeysClock } from '../shared/keys-clock';
import type { ExpiryWarningNotifier } from './expiry-warning.notifier';
import { KeyScheduler } from './key-scheduler';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the key scheduler’s timer', () => {
  let store: EmbeddedReadModelStore;

  beforeEach(() => {
    store = EmbeddedReadModelStore.open({ path: ':memory:' });
  });
  afterEach(() => store.close());

  const scheduler = (intervalMs: number) =>
    new KeyScheduler(store, { intervalMs }, {} as KeyCommands, {} as ExpiryWarningNotifier, new KeysClock());

  it('runs every interval on a timer that keeps no process alive, and stops on shutdown', async () => {
    const keys = scheduler(10);
    const runs = jest.spyOn(keys, 'runOnce');
    keys.onApplicationBootstrap();
    expect((keys as unknown as { timer: NodeJS.Timeout }).timer.hasRef()).toBe(false);
    await sleep(80);
    expect(runs.mock.calls.length).toBeGreaterThanOrEqual(2);
    await keys.beforeApplicationShutdown();
    const after = runs.mock.calls.length;
    await sleep(50);
    expect(runs.mock.calls.length).toBe(after);
  });

  it('awaits a run under way instead of starting a second one', async () => {
    const keys = scheduler(60_000);
    const [first, second] = [keys.runOnce(), keys.runOnce()];
    expect(first).toBe(second);
    await expect(first).resolves.toEqual({ expired: 0, gracesEnded: 0, warningsSent: 0, failed: 0 });
  });
});
