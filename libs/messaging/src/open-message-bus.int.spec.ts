import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentBusLogger } from './bus-logger';
import { InProcessBus } from './in-process/in-process-bus';
import { openMessageBus } from './open-message-bus';

const directory = mkdtempSync(join(tmpdir(), 'portal-open-bus-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('opening the configured bus', () => {
  it('opens the in-process bus on <DATA_DIR>/bus.sqlite for BUS=inprocess', async () => {
    const dataDir = join(directory, 'data');
    const bus = await openMessageBus({ BUS: 'inprocess', DATA_DIR: dataDir }, { logger: silentBusLogger });
    expect(bus).toBeInstanceOf(InProcessBus);
    expect(existsSync(join(dataDir, 'bus.sqlite'))).toBe(true);
    await bus.close();
  });

  it('refuses BUS=kafka without brokers, with BUS.INVALID_OPTIONS', async () => {
    await expect(openMessageBus({ BUS: 'kafka', DATA_DIR: directory })).rejects.toMatchObject({
      code: 'BUS.INVALID_OPTIONS',
    });
  });
});
