import { Kafka, logLevel, Partitioners, type Admin, type Producer } from 'kafkajs';
import { errorText, type BusLogger } from '../bus-logger';
import { BusError } from '../bus.errors';
import type { MessageBus, OutgoingMessage, SubscribeOptions, Subscription } from '../bus.port';
import { encodeMessages } from '../delivery/message-validation';
import { subscriptionSettings } from '../delivery/subscription-settings';
import { assertValidTopic, deadLetterTopic } from '../topics';
import { resolveKafkaBusOptions, type KafkaBusOptions, type ResolvedKafkaBusOptions } from './kafka-bus.options';
import { mendIdleRequestQueues } from './idle-request-queues';
import { kafkaLogCreator } from './kafka-log';
import { KafkaPublisher } from './kafka-publisher';
import { KafkaSubscription } from './kafka-subscription';
import { KafkaTopics } from './kafka-topics';

async function disconnectQuietly(client: Admin | Producer, logger: BusLogger): Promise<void> {
  try {
    await client.disconnect();
  } catch (error) {
    logger.warn('Kafka client did not disconnect cleanly', { error: errorText(error) });
  }
}

/**
 * The bus on Kafka through kafkajs. Publishing goes through one idempotent producer with
 * acks=all; each subscription is a kafkajs consumer in its group that commits an offset only
 * after the handler succeeded or the message was dead-lettered. Topics are created on first
 * use. kafkajs stays inside this folder: another Kafka client can replace it behind the port.
 */
export class KafkaBus implements MessageBus {
  private readonly subscriptions = new Set<KafkaSubscription>();
  private readonly topics: KafkaTopics;
  private readonly publisher: KafkaPublisher;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly producer: Producer,
    private readonly options: ResolvedKafkaBusOptions,
  ) {
    this.topics = new KafkaTopics(admin, options.topics);
    this.publisher = new KafkaPublisher(producer);
  }

  /** Connects to the brokers (BUS.UNAVAILABLE when they cannot be reached). */
  static async connect(options: KafkaBusOptions): Promise<KafkaBus> {
    const resolved = resolveKafkaBusOptions(options);
    const { logger } = resolved;
    // Before any connection exists: idle connections must not spin (see idle-request-queues).
    mendIdleRequestQueues();
    const kafka = new Kafka({
      clientId: resolved.clientId,
      brokers: [...resolved.brokers],
      connectionTimeout: resolved.connectionTimeoutMs,
      ...(resolved.retries === undefined ? {} : { retry: { retries: resolved.retries } }),
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(logger),
    });
    const admin = kafka.admin();
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    try {
      await admin.connect();
      await producer.connect();
    } catch (error) {
      await Promise.all([disconnectQuietly(admin, logger), disconnectQuietly(producer, logger)]);
      throw new BusError('BUS.UNAVAILABLE', `Kafka is unreachable: ${errorText(error)}`, {}, { cause: error });
    }
    return new KafkaBus(kafka, admin, producer, resolved);
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    assertValidTopic(topic);
    const encoded = encodeMessages(messages);
    if (encoded.length === 0) return;
    try {
      await this.topics.ensure([topic]);
      await this.publisher.send(topic, encoded);
    } catch (error) {
      const details = { topic, count: encoded.length };
      throw new BusError('BUS.PUBLISH_FAILED', `Publishing to ${topic} failed: ${errorText(error)}`, details, {
        cause: error,
      });
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    this.assertOpen();
    const settings = subscriptionSettings(options);
    const { topic, group } = settings;
    try {
      await this.topics.ensure(settings.retry.deadLetters ? [topic, deadLetterTopic(topic)] : [topic]);
    } catch (error) {
      const message = `Subscriber of ${group} to ${topic} could not create its topics: ${errorText(error)}`;
      throw new BusError('BUS.SUBSCRIBE_FAILED', message, { topic, group }, { cause: error });
    }
    this.assertOpen();
    const subscription = new KafkaSubscription(settings, {
      kafka: this.kafka,
      tuning: this.options.consumer,
      logger: this.options.logger,
      clock: () => new Date(),
      publishDeadLetter: (dlq, letter) => this.publisher.send(dlq, [letter]),
      onStopped: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    await subscription.start();
    return subscription;
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.publisher.drain();
    const { logger } = this.options;
    await Promise.all([disconnectQuietly(this.producer, logger), disconnectQuietly(this.admin, logger)]);
  }

  private assertOpen(): void {
    if (this.closing !== undefined) throw new BusError('BUS.CLOSED', 'The bus is closed');
  }
}
