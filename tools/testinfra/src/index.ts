export type { MissingServer, ServerName, StartTestInfraOptions, TestInfra } from './types';
export { startTestInfra } from './start-test-infra';
export { freePort, freePorts } from './free-port';
export type { DedicatedKafka } from './kafka/dedicated-broker';
export { startDedicatedKafka, type DedicatedKafkaOptions } from './kafka/dedicated-kafka';
export { startFerretdbOnPostgres, type FerretdbOnPostgres } from './mongodb/ferretdb-server';
