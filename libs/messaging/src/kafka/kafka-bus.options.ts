import { consoleBusLogger, type BusLogger } from '../bus-logger';
import { BusError } from '../bus.errors';
import type { ConsumerTuning } from './kafka-subscription';
import type { TopicSettings } from './kafka-topics';

export interface KafkaBusOptions {
  /** `host:port` of one or more brokers. */
  readonly brokers: readonly string[];
  readonly clientId?: string;
  /** Partitions of topics the bus creates (default 3). */
  readonly partitions?: number;
  /** Replicas of topics the bus creates (default 1; 3 in production clusters). */
  readonly replicationFactor?: number;
  /** `min.insync.replicas` of topics the bus creates (default: 2, or 1 when there is one replica). */
  readonly minInSyncReplicas?: number;
  readonly connectionTimeoutMs?: number;
  /**
   * Retries of a failed Kafka request (connecting, creating topics, producing, consumer
   * requests) before it fails; kafkajs's default (5) when unset. At least 1: the idempotent
   * producer needs retries to keep its sequence numbers.
   */
  readonly retries?: number;
  readonly consumer?: Partial<ConsumerTuning>;
  readonly logger?: BusLogger;
}

export interface ResolvedKafkaBusOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly connectionTimeoutMs: number;
  readonly retries: number | undefined;
  readonly topics: TopicSettings;
  readonly consumer: ConsumerTuning;
  readonly logger: BusLogger;
}

function integer(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new BusError('BUS.INVALID_OPTIONS', `${name} must be an integer >= ${min}, got ${value}`, { [name]: value });
  }
  return value;
}

function consumerTuning(tuning: Partial<ConsumerTuning>, partitions: number): ConsumerTuning {
  return {
    sessionTimeoutMs: integer('sessionTimeoutMs', tuning.sessionTimeoutMs ?? 30_000, 1),
    heartbeatIntervalMs: integer('heartbeatIntervalMs', tuning.heartbeatIntervalMs ?? 3_000, 1),
    rebalanceTimeoutMs: integer('rebalanceTimeoutMs', tuning.rebalanceTimeoutMs ?? 60_000, 1),
    maxWaitTimeMs: integer('maxWaitTimeMs', tuning.maxWaitTimeMs ?? 1_000, 0),
    partitionsConsumedConcurrently: integer(
      'partitionsConsumedConcurrently',
      tuning.partitionsConsumedConcurrently ?? partitions,
      1,
    ),
    joinTimeoutMs: integer('joinTimeoutMs', tuning.joinTimeoutMs ?? 60_000, 1),
    restartDelayMs: integer('restartDelayMs', tuning.restartDelayMs ?? 1_000, 1),
  };
}

export function resolveKafkaBusOptions(options: KafkaBusOptions): ResolvedKafkaBusOptions {
  if (!Array.isArray(options.brokers) || options.brokers.length === 0) {
    throw new BusError('BUS.INVALID_OPTIONS', 'brokers must list at least one host:port');
  }
  const partitions = integer('partitions', options.partitions ?? 3, 1);
  const replicationFactor = integer('replicationFactor', options.replicationFactor ?? 1, 1);
  const minInSyncReplicas = integer(
    'minInSyncReplicas',
    options.minInSyncReplicas ?? Math.min(2, replicationFactor),
    1,
  );
  if (minInSyncReplicas > replicationFactor) {
    throw new BusError('BUS.INVALID_OPTIONS', 'minInSyncReplicas cannot exceed replicationFactor', {
      minInSyncReplicas,
      replicationFactor,
    });
  }
  return {
    brokers: options.brokers,
    clientId: options.clientId ?? 'portal',
    connectionTimeoutMs: integer('connectionTimeoutMs', options.connectionTimeoutMs ?? 3_000, 1),
    retries: options.retries === undefined ? undefined : integer('retries', options.retries, 1),
    topics: { partitions, replicationFactor, minInSyncReplicas },
    consumer: consumerTuning(options.consumer ?? {}, partitions),
    logger: options.logger ?? consoleBusLogger,
  };
}
