import { serverAddress } from '../../../../test/support/requires-server';
import { silentBusLogger } from '../bus-logger';
import type { KafkaBusOptions } from './kafka-bus.options';

/** The test broker, with short group timeouts so that joins and rebalances take well under a second. */
export const testBusOptions = (): KafkaBusOptions => ({
  brokers: (serverAddress('kafka') ?? '').split(','),
  clientId: 'bus-tests',
  logger: silentBusLogger,
  consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 300, rebalanceTimeoutMs: 6_000, maxWaitTimeMs: 100 },
});
