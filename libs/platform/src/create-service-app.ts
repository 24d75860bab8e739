import { type DynamicModule, type LogLevel, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { consumerGroup, type ServiceConfig } from '@portal/config';
import type { Projection } from '@portal/event-pipeline';
import { HttpConventionsModule } from './http/http-conventions.module';
import { serveOpenApi } from './http/openapi-document';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { PipelineModule } from './pipeline/pipeline.module';
import { PlatformModule } from './platform.module';

export type FeatureModule = Type | DynamicModule;

export interface ServiceDefinition {
  /** The service's name, as health, logs and metrics report it. */
  readonly service: string;
  readonly defaultPort: number;
  readonly modules: (config: ServiceConfig) => FeatureModule[];
  /**
   * Modules added only when this service runs in a process of its own (`runService`), never
   * when another definition (the portal) composes `modules`: e.g. the adapter that asks the
   * identity service about sessions, which the portal's own IdentityModule answers in-process.
   */
  readonly standaloneModules?: (config: ServiceConfig) => FeatureModule[];
  /** The read models this service keeps up to date from the bus. */
  readonly projections?: readonly Projection[];
  /**
   * The stream categories this service appends to; it relays their events to the bus. `all`
   * for the one-process portal.
   */
  readonly streamCategories?: readonly string[] | 'all';
}

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Builds the Nest application of a service on Fastify, without listening yet, with the OpenAPI
 * document of its routes at `GET /openapi.json` and its reference at `/docs`. `standalone`
 * adds the definition's `standaloneModules` (runService sets it: the service runs alone).
 */
export async function createServiceApp(
  definition: ServiceDefinition,
  config: ServiceConfig,
  options: { logger?: false; standalone?: boolean } = {},
): Promise<NestFastifyApplication> {
  const { streamCategories = [], projections = [] } = definition;
  const relay =
    streamCategories === 'all' || streamCategories.length > 0
      ? { name: `relay.${definition.service}`, categories: streamCategories === 'all' ? null : streamCategories }
      : null;
  const pipeline = { relay, projections, groupPrefix: consumerGroup(config, 'projection') };
  @Module({
    imports: [
      PlatformModule.forRoot(definition.service, config),
      HttpConventionsModule,
      InfrastructureModule.forRoot(),
      PipelineModule.forRoot(pipeline),
      ...definition.modules(config),
      ...(options.standalone === true ? (definition.standaloneModules?.(config) ?? []) : []),
    ],
  })
  class ServiceRootModule {}

  const adapter = new FastifyAdapter({ bodyLimit: 1024 * 1024 });
  const logger = options.logger === false ? false : LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1);
  const app = await NestFactory.create<NestFastifyApplication>(ServiceRootModule, adapter, {
    logger,
    abortOnError: false,
  });
  app.enableShutdownHooks();
  serveOpenApi(app, definition.service);
  return app;
}
