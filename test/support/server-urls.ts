import { Client } from 'pg';

/** Runs one SQL statement on the PostgreSQL server at `url` (e.g. CREATE DATABASE). */
export async function onPostgres(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The same server URL with another path (database name); user, password and query kept. */
export function withDatabase(address: string, database: string): string {
  const url = new URL(address);
  url.pathname = `/${database}`;
  return url.href;
}
