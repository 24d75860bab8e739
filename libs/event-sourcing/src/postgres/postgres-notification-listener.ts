import { Client } from 'pg';
import type { AppendSignal } from '../event-store/append-signal';

/**
 * One LISTEN connection per store, shared by its subscriptions, that turns the append
 * function's NOTIFY into a wake-up. Notifications are only a hint: subscriptions also re-read
 * on a timer, so a dropped connection delays delivery but never loses an event. A dropped
 * connection is reopened on the next call to `ensure()` (made on every subscription read).
 */
export class PostgresNotificationListener {
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;
  private lastError: Error | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly signal: AppendSignal,
  ) {}

  /** The last connection failure, for diagnostics; null while listening. */
  get failure(): Error | null {
    return this.lastError;
  }

  ensure(): Promise<void> {
    if (this.closed || this.client !== null) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connecting;
    const client = this.client;
    this.client = null;
    await client?.end();
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString });
    client.on('error', (error) => this.drop(client, error));
    client.on('notification', () => this.signal.notify());
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
      this.lastError = null;
      // Events appended while the connection was down are picked up by this wake-up.
      this.signal.notify();
    } catch (error) {
      this.lastError = error instanceof Error ? error : new Error(String(error));
      await client.end().catch((endError: unknown) => {
        this.lastError = new Error(`${String(endError)} after ${String(error)}`);
      });
    }
  }

  private drop(client: Client, error: Error): void {
    this.lastError = error;
    if (this.client === client) this.client = null;
  }
}
