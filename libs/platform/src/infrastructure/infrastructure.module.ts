import { type DynamicModule, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { ServiceConfig } from '@portal/config';
import { EVENT_STORE, type EventStore, openEventStore } from '@portal/event-sourcing';
import { type BusLogger, type LogContext, MESSAGE_BUS, type MessageBus, openMessageBus } from '@portal/messaging';
import { openReadModelStore, READ_MODEL_STORE, type ReadModelStore } from '@portal/read-models';
import { SERVICE_CONFIG, SERVICE_NAME } from '../service-config.token';

/** The bus's reports through the service's logger, so that LOG_LEVEL governs them too. */
export function nestBusLogger(context = 'Bus'): BusLogger {
  const logger = new Logger(context);
  const line = (message: string, context?: LogContext) => (context ? `${message} ${JSON.stringify(context)}` : message);
  return {
    error: (message, context) => logger.error(line(message, context)),
    warn: (message, context) => logger.warn(line(message, context)),
    info: (message, context) => logger.log(line(message, context)),
    debug: (message, context) => logger.debug(line(message, context)),
  };
}

/** Closes the stores and the bus when the application shuts down, the bus first. */
class InfrastructureLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(READ_MODEL_STORE) private readonly readStore: ReadModelStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
    await Promise.all([this.eventStore.close(), this.readStore.close()]);
  }
}

/**
 * The ports every service uses, bound to the adapters the configuration selects: EVENT_STORE,
 * MESSAGE_BUS and READ_MODEL_STORE (embedded, or PostgreSQL/EventStoreDB, Kafka, MongoDB).
 */
@Module({})
export class InfrastructureModule {
  static forRoot(): DynamicModule {
    return {
      module: InfrastructureModule,
      global: true,
      providers: [
        {
          provide: EVENT_STORE,
          inject: [SERVICE_CONFIG],
          useFactory: (config: ServiceConfig) => openEventStore(config),
        },
        {
          provide: MESSAGE_BUS,
          inject: [SERVICE_CONFIG, SERVICE_NAME],
          useFactory: (config: ServiceConfig, service: string) =>
            openMessageBus(config, { clientId: `portal-${service}`, logger: nestBusLogger() }),
        },
        {
          provide: READ_MODEL_STORE,
          inject: [SERVICE_CONFIG],
          useFactory: (config: ServiceConfig) => openReadModelStore(config),
        },
        InfrastructureLifecycle,
      ],
      exports: [EVENT_STORE, MESSAGE_BUS, READ_MODEL_STORE],
    };
  }
}
