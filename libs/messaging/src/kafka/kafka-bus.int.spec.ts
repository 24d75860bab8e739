import { describeWithServer } from '../../../../test/support/requires-server';
import { busContract } from '../bus.contract';
import { KafkaBus } from './kafka-bus';
import { testBusOptions } from './kafka-test-options.contract';

describeWithServer('kafka', 'Kafka bus', () => {
  busContract('Kafka', () => KafkaBus.connect(testBusOptions()), { waitMs: 20_000 });
});
