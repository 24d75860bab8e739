import type { BusLogger } from './bus-logger';
import { BusError } from './bus.errors';
import type { MessageBus } from './bus.port';
import { InProcessBus, inProcessBusPath } from './in-process/in-process-bus';
import { KafkaBus } from './kafka/kafka-bus';

/** The part of a service's configuration that chooses and reaches the bus. */
export interface MessageBusSettings {
  readonly BUS: 'inprocess' | 'kafka';
  readonly DATA_DIR: string;
  readonly KAFKA_BROKERS?: readonly string[] | undefined;
}

export interface OpenMessageBusOptions {
  /** Names this service's Kafka client (brokers log it). */
  readonly clientId?: string;
  readonly logger?: BusLogger;
}

/** Opens the adapter the configuration names: SQLite under DATA_DIR, or Kafka. */
export function openMessageBus(settings: MessageBusSettings, options: OpenMessageBusOptions = {}): Promise<MessageBus> {
  if (settings.BUS === 'inprocess') {
    return Promise.resolve(InProcessBus.open({ path: inProcessBusPath(settings.DATA_DIR), logger: options.logger }));
  }
  if (settings.BUS === 'kafka') {
    const brokers = settings.KAFKA_BROKERS;
    if (brokers === undefined || brokers.length === 0) {
      return Promise.reject(new BusError('BUS.INVALID_OPTIONS', 'KAFKA_BROKERS is required when BUS=kafka'));
    }
    return KafkaBus.connect({ brokers, clientId: options.clientId, logger: options.logger });
  }
  return Promise.reject(new BusError('BUS.INVALID_OPTIONS', `Unknown BUS ${JSON.stringify(settings.BUS)}`));
}
