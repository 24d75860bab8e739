export { ConfigError } from './config-error';
export * from './env-parsers';
export { loadConfig, type ConfigOf, type ConfigSpec, type VariableSpec } from './load-config';
export {
  consumerGroup,
  httpSpec,
  infrastructureSpec,
  loadServiceConfig,
  type HttpConfig,
  type InfrastructureConfig,
  type ServiceConfig,
} from './infrastructure.config';
