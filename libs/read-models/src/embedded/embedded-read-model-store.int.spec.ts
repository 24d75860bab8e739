import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { codeOf, member, membersModel } from '../contract/contract-fixtures.contract';
import { openReadModelStore } from '../open-read-model-store';
import { readModelStoreContract } from '../read-model-store.contract';
import { EmbeddedReadModelStore, embeddedReadModelStorePath } from './embedded-read-model-store';
import { tableName } from './sqlite-indexes';
import { orderClause, whereClause } from './sqlite-query';

const directory = mkdtempSync(join(tmpdir(), 'portal-read-models-'));
const sharedPath = join(directory, 'contract', 'read-models.sqlite');

afterAll(() => rmSync(directory, { recursive: true, force: true }));

readModelStoreContract('embedded (SQLite)', () => Promise.resolve(EmbeddedReadModelStore.open({ path: sharedPath })));

describe('embedded (SQLite) read-model store file', () => {
  it('lives at <DATA_DIR>/read-models.sqlite, in WAL mode, and keeps documents across reopening', async () => {
    const dataDir = join(directory, 'data', 'nested');
    const path = embeddedReadModelStorePath(dataDir);
    expect(path).toBe(join(dataDir, 'read-models.sqlite'));
    const model = membersModel();
    const first = EmbeddedReadModelStore.open({ path });
    await (await first.collection(model)).upsert('m-1', member(), { version: 3 });
    await first.checkpoints.advance('team-members', 3);
    await first.close();
    const second = EmbeddedReadModelStore.open({ path, synchronous: 'full' });
    await expect((await second.collection(model)).read('m-1')).resolves.toEqual({
      id: 'm-1',
      version: 3,
      doc: member(),
    });
    await expect(second.checkpoints.get('team-members')).resolves.toBe(3);
    await second.close();
    const raw = new DatabaseSync(path);
    expect(raw.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    raw.close();
  });

  it('answers filtered, sorted queries from the expression indexes', async () => {
    const store = EmbeddedReadModelStore.open({ path: sharedPath });
    const model = membersModel();
    await store.collection(model);
    const where = whereClause([{ path: 'teamId', op: 'eq', value: 'team-1' }]);
    const sql = `SELECT id FROM "${tableName(model.name)}" ${where.sql} ${orderClause([{ path: 'teamId', direction: 1 }])}`;
    const raw = new DatabaseSync(sharedPath);
    const plan = raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...where.params) as { detail: string }[];
    raw.close();
    expect(plan.map((step) => step.detail).join('\n')).toMatch(/USING INDEX "?rm_members_\w+__teamId_1_/);
    await store.close();
  });
});

describe('openReadModelStore', () => {
  it('opens the embedded store under DATA_DIR when READ_STORE=embedded', async () => {
    const dataDir = join(directory, 'configured');
    const store = await openReadModelStore({ READ_STORE: 'embedded', DATA_DIR: dataDir });
    await expect(store.checkpoints.advance('team-members', 1)).resolves.toBe(true);
    await store.close();
    expect(existsSync(embeddedReadModelStorePath(dataDir))).toBe(true);
  });

  it('needs MONGODB_URI when READ_STORE=mongodb', async () => {
    const opening = openReadModelStore({ READ_STORE: 'mongodb', DATA_DIR: directory });
    expect(await codeOf(opening)).toBe('READ_MODEL.INVALID_ARGUMENT');
  });
});
