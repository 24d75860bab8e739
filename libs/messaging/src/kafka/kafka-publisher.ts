import type { Producer } from 'kafkajs';
import type { EncodedMessage } from '../delivery/message-validation';
import { toKafkaMessage } from './kafka-messages';

/** acks=all: a publish resolves only once every in-sync replica has the messages. */
const ALL_IN_SYNC_REPLICAS = -1;

/**
 * Sends through one idempotent producer, one request at a time: kafkajs's idempotent producer
 * has lost sequence numbers under concurrent sends, and one at a time also keeps the order of
 * publishes to a key as callers made them.
 */
export class KafkaPublisher {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly producer: Producer) {}

  send(topic: string, messages: readonly EncodedMessage[]): Promise<void> {
    const sent = this.queue.then(() =>
      this.producer.send({ topic, acks: ALL_IN_SYNC_REPLICAS, messages: messages.map(toKafkaMessage) }),
    );
    // The queue only orders sends; each caller receives its own send's failure through `sent`.
    this.queue = sent.catch(() => undefined);
    return sent.then(() => undefined);
  }

  /** Resolves once every send queued so far has settled. */
  async drain(): Promise<void> {
    await this.queue;
  }
}
