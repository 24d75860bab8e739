import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Throwaway schemas for one test file: each store gets its own, named after the file and a
 * random tag so parallel files and reruns never collide; all are dropped when the file ends.
 */
export function testSchemas(prefix: string): { next(): string; dropAll(url: string): Promise<void> } {
  const tag = randomBytes(4).toString('hex');
  const created: string[] = [];
  return {
    next() {
      const schema = `${prefix}_${tag}_${created.length + 1}`;
      created.push(schema);
      return schema;
    },
    async dropAll(url) {
      if (created.length === 0) return;
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(created.map((schema) => `DROP SCHEMA IF EXISTS ${schema} CASCADE;`).join('\n'));
      } finally {
        await client.end();
      }
    },
  };
}
