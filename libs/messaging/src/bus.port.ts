/**
 * The bus port: topics of keyed messages with at-least-once delivery and order per key.
 * Adapters (in-process on SQLite, Kafka) pass the same contract suite (`bus.contract.ts`);
 * code using the bus depends on these types only.
 */

/** A message to publish. Messages with the same key are delivered in the order published. */
export interface OutgoingMessage {
  /** Chooses the partition; for domain events, the stream id. Non-empty. */
  readonly key: string;
  readonly value: Buffer | string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A message as a handler receives it. */
export interface DeliveredMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Readonly<Record<string, string>>;
  /** Where the message sits in the topic: partition, and offset within it (decimal string). */
  readonly partition: number;
  readonly offset: string;
  readonly publishedAt: Date;
  /** 1 on first delivery to this subscriber, 2 on its first retry, … (reset when the subscriber restarts). */
  readonly attempt: number;
}

/** Resolves when the message is handled; rejects (or throws) to have it retried. */
export type MessageHandler = (message: DeliveredMessage) => Promise<void>;

/** Delay before retry n (n = 1 after the first failure): initialMs × multiplier^(n-1), at most maxMs. */
export interface BackoffOptions {
  readonly initialMs?: number;
  readonly maxMs?: number;
  readonly multiplier?: number;
}

export interface SubscribeOptions {
  readonly topic: string;
  /** Subscribers of one group share the topic's partitions; each group receives every message. */
  readonly group: string;
  readonly handler: MessageHandler;
  /**
   * Deliveries of one message before it goes to the dead-letter topic `<topic>.dlq`
   * (default 5). On a dead-letter topic itself there is no further hop: delivery is retried
   * until it succeeds.
   */
  readonly maxAttempts?: number;
  readonly backoff?: BackoffOptions;
}

export interface Subscription {
  readonly topic: string;
  readonly group: string;
  /** The partitions this subscriber processes now; they change when group members come and go. */
  assignedPartitions(): readonly number[];
  /**
   * When this subscriber last heard from the bus (epoch milliseconds): a fetch answered, even
   * an empty one, or the group joined. A subscriber cut off from its broker stops advancing
   * it, so a consumer that must not act on stale data (the gateway's key cache) can tell.
   * null before the first contact and after stop(). The in-process bus is always in contact.
   */
  lastContactAt(): number | null;
  /**
   * Leaves the group. A handler already running is awaited and its message committed if it
   * succeeded; a pending retry is abandoned uncommitted, so the message is delivered again.
   */
  stop(): Promise<void>;
}

export interface MessageBus {
  /**
   * Appends the messages to the topic; resolves once they are durably accepted (Kafka: by
   * all in-sync replicas). On rejection some of them may have been written: publish again
   * (delivery is at-least-once anyway).
   */
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  /**
   * Starts delivering the topic to the handler, from the group's last committed position
   * (from the oldest retained message for a new group). Resolves once the subscriber has
   * joined its group.
   */
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Stops every subscription (as `stop()` does) and releases the connections or files. */
  close(): Promise<void>;
}

/** The DI token the bus is bound to; services depend on the MessageBus interface. */
export const MESSAGE_BUS = Symbol('MessageBus');
