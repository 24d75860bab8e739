import { Client, Pool } from 'pg';
import { describeWithServer, serverAddress } from '../support/requires-server';
import { runId } from './run-id';

describeWithServer('postgres', 'PostgreSQL through pg', () => {
  const table = `smoke_${runId()}`;
  let pool: Pool;

  async function rowsOf(name: string): Promise<string[]> {
    const result = await pool.query<{ name: string }>(`SELECT name FROM ${table} WHERE name = $1`, [name]);
    return result.rows.map((row) => row.name);
  }

  beforeAll(async () => {
    pool = new Pool({ connectionString: serverAddress('postgres'), max: 2 });
    await pool.query(`CREATE TABLE ${table} (id serial PRIMARY KEY, name text NOT NULL)`);
  });

  afterAll(async () => {
    await pool?.query(`DROP TABLE IF EXISTS ${table}`);
    await pool?.end();
  });

  it('runs PostgreSQL 15 or newer', async () => {
    const result = await pool.query<{ server_version_num: string }>('SHOW server_version_num');
    expect(Number(result.rows[0]?.server_version_num)).toBeGreaterThanOrEqual(150000);
  });

  it('shows a transaction to other connections once, and only once, it is committed', async () => {
    const writer = new Client({ connectionString: serverAddress('postgres') });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(`INSERT INTO ${table} (name) VALUES ($1)`, ['committed']);
      expect(await rowsOf('committed')).toEqual([]);
      await writer.query('COMMIT');
    } finally {
      await writer.end();
    }
    expect(await rowsOf('committed')).toEqual(['committed']);
  });

  it('leaves nothing behind of a rolled-back transaction', async () => {
    const writer = await pool.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(`INSERT INTO ${table} (name) VALUES ($1)`, ['rolled-back']);
      const inside = await writer.query(`SELECT count(*)::int AS n FROM ${table} WHERE name = 'rolled-back'`);
      expect(inside.rows[0]).toEqual({ n: 1 });
      await writer.query('ROLLBACK');
    } finally {
      writer.release();
    }
    expect(await rowsOf('rolled-back')).toEqual([]);
  });
});
