/**
 * The environment variable through which the global setup hands each server to the tests.
 * A suite that needs a server is declared with describeWithServer: when the server is absent
 * it is skipped (the global setup has already said why, once, and with CI=true it is never
 * absent because the run fails first).
 */
const VARIABLE = {
  kafka: 'KAFKA_BROKERS',
  postgres: 'DATABASE_URL',
  mongodb: 'MONGODB_URI',
  smtp: 'SMTP_URL',
  eventstoredb: 'EVENTSTORE_CONNECTION_STRING',
} as const;

export type RequiredServer = keyof typeof VARIABLE;

export function serverAddress(server: RequiredServer): string | undefined {
  return process.env[VARIABLE[server]] || undefined;
}

export function describeWithServer(server: RequiredServer, name: string, body: () => void): void {
  const run = serverAddress(server) ? describe : describe.skip;
  run(`${name} [${server}]`, body);
}
