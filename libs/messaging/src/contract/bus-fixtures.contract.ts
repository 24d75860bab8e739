import { randomBytes } from 'node:crypto';
import type { BusLogger, LogContext } from '../bus-logger';
import type { DeliveredMessage, MessageBus, MessageHandler, SubscribeOptions, Subscription } from '../bus.port';
import { domainEventsTopic } from '../topics';

/** Opens the bus under test; the contract opens one per suite and closes it afterwards. */
export type MakeBus = () => Promise<MessageBus>;

export interface ContractOptions {
  /** How long a test waits for deliveries before failing (default 10 s). */
  readonly waitMs?: number;
}

const runId = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
let topics = 0;

/** A topic no other test or run uses, so the suite also runs against a shared broker. */
export const uniqueTopic = (): string => domainEventsTopic(`bt-${runId}-${(topics += 1)}`);
export const uniqueGroup = (name: string): string => `${name}-${runId}-${(topics += 1)}`;

/** Quick retries, so that failure tests take milliseconds. */
export const FAST_BACKOFF = { initialMs: 20, maxMs: 100, multiplier: 2 } as const;

/** Polls until the condition holds; fails with the description after `timeoutMs`. */
export async function waitUntil(description: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const text = (message: DeliveredMessage): string => message.value.toString('utf8');

/** Collects what a handler receives; `behaviour` may throw to fail a delivery. */
export class Inbox {
  readonly received: DeliveredMessage[] = [];

  constructor(private readonly behaviour: (message: DeliveredMessage) => void | Promise<void> = () => undefined) {}

  readonly handler: MessageHandler = async (message) => {
    this.received.push(message);
    await this.behaviour(message);
  };

  values(): string[] {
    return this.received.map(text);
  }

  /** Values of the deliveries that were attempt 1, i.e. distinct messages in order of first delivery. */
  firstDeliveries(): string[] {
    return this.received.filter((message) => message.attempt === 1).map(text);
  }

  byKey(): Map<string, string[]> {
    const keys = new Map<string, string[]>();
    for (const message of this.received) keys.set(message.key, [...(keys.get(message.key) ?? []), text(message)]);
    return keys;
  }
}

/** Runs one bus per suite and stops every subscription a test starts, even when it fails. */
export function useBus(makeBus: MakeBus): {
  bus: () => MessageBus;
  subscribe: (options: SubscribeOptions) => Promise<Subscription>;
} {
  let bus: MessageBus | undefined;
  const started: Subscription[] = [];
  beforeAll(async () => {
    bus = await makeBus();
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((subscription) => subscription.stop()));
  });
  afterAll(async () => {
    await bus?.close();
  });
  const current = (): MessageBus => {
    if (bus === undefined) throw new Error('the bus is opened in beforeAll');
    return bus;
  };
  return {
    bus: current,
    subscribe: async (options) => {
      const subscription = await current().subscribe(options);
      started.push(subscription);
      return subscription;
    },
  };
}

/** A BusLogger that keeps what it is told, for assertions on logs. */
export class RecordingLogger implements BusLogger {
  readonly entries: { level: string; message: string; context?: LogContext }[] = [];
  error = (message: string, context?: LogContext): void => void this.entries.push({ level: 'error', message, context });
  warn = (message: string, context?: LogContext): void => void this.entries.push({ level: 'warn', message, context });
  info = (message: string, context?: LogContext): void => void this.entries.push({ level: 'info', message, context });
  debug = (message: string, context?: LogContext): void => void this.entries.push({ level: 'debug', message, context });

  text(): string {
    return this.entries.map((entry) => `${entry.level} ${entry.message} ${JSON.stringify(entry.context)}`).join('\n');
  }
}

/** The error the work throws (the test fails if it throws none). */
export function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}
