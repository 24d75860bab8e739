import { type DynamicModule, type LogLevel, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ServiceConfig } from '@portal/config';
import { PlatformModule } from './platform.module';

export type FeatureModule = Type | DynamicModule;

export interface ServiceDefinition {
  /** The service's name, as health, logs and metrics report it. */
  readonly service: string;
  readonly defaultPort: number;
  readonly modules: (config: ServiceConfig) => FeatureModule[];
}

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Builds the Nest application of a service on Fastify, without listening yet. */
export async function createServiceApp(
  definition: ServiceDefinition,
  config: ServiceConfig,
  options: { logger?: false } = {},
): Promise<NestFastifyApplication> {
  @Module({ imports: [PlatformModule.forRoot(definition.service, config), ...definition.modules(config)] })
  class ServiceRootModule {}

  const adapter = new FastifyAdapter({ bodyLimit: 1024 * 1024 });
  const logger = options.logger === false ? false : LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1);
  const app = await NestFactory.create<NestFastifyApplication>(ServiceRootModule, adapter, {
    logger,
    abortOnError: false,
  });
  app.enableShutdownHooks();
  return app;
}
