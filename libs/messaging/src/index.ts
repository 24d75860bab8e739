export { MESSAGE_BUS } from './bus.port';
export type {
  BackoffOptions,
  DeliveredMessage,
  MessageBus,
  MessageHandler,
  OutgoingMessage,
  SubscribeOptions,
  Subscription,
} from './bus.port';
export { BusError, isBusError, type BusErrorCode } from './bus.errors';
export { consoleBusLogger, silentBusLogger, type BusLogger, type LogContext } from './bus-logger';
export {
  assertValidTopic,
  DEAD_LETTER_SUFFIX,
  deadLetterTopic,
  domainEventsTopic,
  isDeadLetterTopic,
  isValidTopic,
  TOPICS,
  USAGE_REQUESTS_TOPIC,
} from './topics';
export { DEAD_LETTER_HEADERS } from './delivery/dead-letter';
export { DEFAULT_BACKOFF, DEFAULT_MAX_ATTEMPTS } from './delivery/retry-policy';
export { InProcessBus, inProcessBusPath, type InProcessBusOptions } from './in-process/in-process-bus';
export type { BusSynchronous } from './in-process/bus-schema';
export { KafkaBus } from './kafka/kafka-bus';
export type { KafkaBusOptions } from './kafka/kafka-bus.options';
export type { ConsumerTuning } from './kafka/kafka-subscription';
export { openMessageBus, type MessageBusSettings, type OpenMessageBusOptions } from './open-message-bus';
