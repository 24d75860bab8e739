import type { EventStore, GlobalPosition, RecordedEvent } from '@portal/event-sourcing';
import type { BackoffOptions, DeliveredMessage, MessageBus, Subscription } from '@portal/messaging';
import type { ReadModelStore } from '@portal/read-models';
import { eventOfMessage } from '../event-message';
import type { Projection } from './projection';
import { RecentIds } from './recent-ids';

export interface ProjectionRunnerOptions {
  readonly bus: MessageBus;
  readonly readStore: ReadModelStore;
  /** Asked for the head position when lag is measured. */
  readonly eventStore: EventStore;
  readonly projections: readonly Projection[];
  /** Consumer groups are `<prefix>.<projection>.<topic>`; `projection` by default. */
  readonly groupPrefix?: string;
  readonly maxAttempts?: number;
  readonly backoff?: BackoffOptions;
  /** How often a projection's checkpoint is written at most; 1 s by default. */
  readonly checkpointIntervalMs?: number;
}

export interface ProjectionLag {
  readonly projection: string;
  /** The newest event applied, null before the first. */
  readonly position: GlobalPosition | null;
  /** Events in the store after it. */
  readonly behind: number;
  /** How long the oldest of those has been waiting, 0 when none. */
  readonly seconds: number;
}

interface Progress {
  position: GlobalPosition | null;
  applied: number;
  savedAt: number;
}

/**
 * Runs projections from the bus: one consumer group per projection, each event decoded,
 * checked, applied once (a redelivered event id is dropped; writes are version-guarded), and
 * the projection's checkpoint kept in the read-model store.
 */
export class ProjectionRunner {
  private readonly subscriptions: Subscription[] = [];
  private readonly progress = new Map<string, Progress>();
  private readonly recent = new Map<string, RecentIds>();

  private constructor(private readonly options: ProjectionRunnerOptions) {}

  static async start(options: ProjectionRunnerOptions): Promise<ProjectionRunner> {
    const runner = new ProjectionRunner(options);
    try {
      for (const projection of options.projections) await runner.startProjection(projection);
    } catch (error) {
      await runner.stop();
      throw error;
    }
    return runner;
  }

  /** Events applied by a projection since this runner started. */
  applied(projection: string): number {
    return this.progress.get(projection)?.applied ?? 0;
  }

  async lag(): Promise<ProjectionLag[]> {
    const head = (await this.options.eventStore.headPosition()) ?? 0;
    return Promise.all(
      this.options.projections.map(async ({ name }) => {
        const position = this.progress.get(name)?.position ?? (await this.options.readStore.checkpoints.get(name));
        const behind = Math.max(0, head - (position ?? 0));
        return { projection: name, position, behind, seconds: behind > 0 ? await this.waitingSince(position) : 0 };
      }),
    );
  }

  async stop(): Promise<void> {
    await Promise.all(this.subscriptions.splice(0).map((subscription) => subscription.stop()));
    for (const [name, { position }] of this.progress) {
      if (position !== null) await this.options.readStore.checkpoints.advance(name, position);
    }
  }

  private async startProjection(projection: Projection): Promise<void> {
    const { readStore, groupPrefix = 'projection', maxAttempts, backoff } = this.options;
    for (const model of projection.readModels) await readStore.collection(model);
    this.progress.set(projection.name, {
      position: await readStore.checkpoints.get(projection.name),
      applied: 0,
      savedAt: 0,
    });
    this.recent.set(projection.name, new RecentIds(10_000));
    for (const topic of projection.topics) {
      // One group per topic: Kafka assigns a group's partitions by its members' topics, so a
      // group shared by consumers of different topics would leave some topics unread.
      const group = `${groupPrefix}.${projection.name}.${topic}`;
      const handler = (message: DeliveredMessage) => this.handle(projection, message);
      this.subscriptions.push(await this.options.bus.subscribe({ topic, group, handler, maxAttempts, backoff }));
    }
  }

  private async handle(projection: Projection, message: DeliveredMessage): Promise<void> {
    const event = eventOfMessage(message);
    const recent = this.recent.get(projection.name)!;
    if (recent.has(event.id)) return;
    await projection.apply(event, this.options.readStore);
    recent.add(event.id);
    await this.recordProgress(projection.name, event);
  }

  private async recordProgress(name: string, event: RecordedEvent): Promise<void> {
    const progress = this.progress.get(name)!;
    progress.applied += 1;
    progress.position = Math.max(progress.position ?? 0, event.globalPosition);
    const now = Date.now();
    if (now - progress.savedAt < (this.options.checkpointIntervalMs ?? 1_000)) return;
    progress.savedAt = now;
    await this.options.readStore.checkpoints.advance(name, progress.position);
  }

  private async waitingSince(position: GlobalPosition | null): Promise<number> {
    const page = await this.options.eventStore.readAll({ after: position ?? undefined, maxCount: 1 });
    const oldest = page.events[0];
    return oldest ? Math.max(0, (Date.now() - Date.parse(oldest.recordedAt)) / 1000) : 0;
  }
}
