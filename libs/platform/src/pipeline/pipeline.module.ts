import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CATEGORY_DOMAINS } from '@portal/contracts';
import { EventRelay, type Projection, type ProjectionLag, ProjectionRunner } from '@portal/event-pipeline';
import { EVENT_STORE, type EventStore } from '@portal/event-sourcing';
import { MESSAGE_BUS, type MessageBus } from '@portal/messaging';
import { READ_MODEL_STORE, type ReadModelStore } from '@portal/read-models';

const PIPELINE_OPTIONS = Symbol('PIPELINE_OPTIONS');

export interface PipelineOptions {
  /** The relay's checkpoint name and the categories it publishes (null: all), or null for none. */
  readonly relay: { readonly name: string; readonly categories: readonly string[] | null } | null;
  readonly projections: readonly Projection[];
  /** The projections' consumer groups are `<groupPrefix>.<projection>.<topic>`. */
  readonly groupPrefix: string;
}

export interface PipelineStatus {
  readonly relay: { readonly name: string; readonly position: number | null } | null;
  readonly projections: readonly ProjectionLag[];
}

/** Runs a service's share of the event pipeline for as long as the application runs. */
export class Pipeline implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Pipeline');
  private relay: EventRelay | null = null;
  private runner: ProjectionRunner | null = null;

  constructor(
    @Inject(PIPELINE_OPTIONS) private readonly options: PipelineOptions,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(READ_MODEL_STORE) private readonly readStore: ReadModelStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { eventStore: store, bus, readStore } = this;
    const logger = { info: (line: string) => this.logger.log(line), warn: (line: string) => this.logger.warn(line) };
    if (this.options.relay !== null) {
      const { name, categories } = this.options.relay;
      this.relay = await EventRelay.start({
        store,
        bus,
        checkpoints: readStore.checkpoints,
        domains: CATEGORY_DOMAINS,
        name,
        categories: categories ?? undefined,
        logger,
      });
    }
    if (this.options.projections.length > 0) {
      this.runner = await ProjectionRunner.start({
        bus,
        readStore,
        eventStore: store,
        projections: this.options.projections,
        groupPrefix: this.options.groupPrefix,
      });
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.runner?.stop();
  }

  async status(): Promise<PipelineStatus> {
    const relay = this.options.relay && { name: this.options.relay.name, position: this.relay?.position ?? null };
    return { relay, projections: (await this.runner?.lag()) ?? [] };
  }
}

@Module({})
export class PipelineModule {
  static forRoot(options: PipelineOptions): DynamicModule {
    return {
      module: PipelineModule,
      global: true,
      providers: [{ provide: PIPELINE_OPTIONS, useValue: options }, Pipeline],
      exports: [Pipeline],
    };
  }
}
