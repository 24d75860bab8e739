import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentBusLogger } from '../bus-logger';
import { busContract } from '../bus.contract';
import { InProcessBus } from './in-process-bus';

const directory = mkdtempSync(join(tmpdir(), 'portal-bus-'));
let files = 0;

afterAll(() => rmSync(directory, { recursive: true, force: true }));

busContract('in-process (SQLite file)', () =>
  Promise.resolve(InProcessBus.open({ path: join(directory, `bus-${(files += 1)}.sqlite`), logger: silentBusLogger })),
);

busContract('in-process (in memory)', () =>
  Promise.resolve(InProcessBus.open({ path: ':memory:', logger: silentBusLogger })),
);
