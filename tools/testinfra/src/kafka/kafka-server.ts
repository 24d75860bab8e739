import type { ServerContext } from '../server-context';
import type { RunningServer } from '../types';
import { KAFKA_STOP_GRACE_MS, kafkaBrokers, prepareKafkaNode, startKafkaNode } from './kafka-node';

/** A single-node Kafka (broker and controller in one JVM) on two free ports of 127.0.0.1. */
export async function startKafka(context: ServerContext): Promise<RunningServer> {
  const node = await prepareKafkaNode(context);
  const server = await startKafkaNode(node, context.guard);
  return { env: { KAFKA_BROKERS: kafkaBrokers(node) }, stop: () => server.stop(KAFKA_STOP_GRACE_MS) };
}
