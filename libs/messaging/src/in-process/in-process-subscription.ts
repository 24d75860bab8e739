import type { Subscription } from '../bus.port';
import type { SubscriptionSettings } from '../delivery/subscription-settings';
import type { ConsumerGroup } from './consumer-group';
import type { GroupMember } from './partition-worker';

/** One subscriber of the in-process bus: a member of its consumer group. */
export class InProcessSubscription implements Subscription, GroupMember {
  private readonly controller = new AbortController();
  private readonly inFlight = new Set<Promise<unknown>>();
  private stopped: Promise<void> | undefined;

  constructor(
    readonly settings: SubscriptionSettings,
    private readonly consumerGroup: ConsumerGroup,
    private readonly onStopped: (subscription: InProcessSubscription) => void,
  ) {}

  get topic(): string {
    return this.settings.topic;
  }

  get group(): string {
    return this.settings.group;
  }

  get stopSignal(): AbortSignal {
    return this.controller.signal;
  }

  assignedPartitions(): readonly number[] {
    return this.stopped === undefined ? this.consumerGroup.partitionsOf(this) : [];
  }

  lastContactAt(): number | null {
    return this.stopped === undefined ? Date.now() : null;
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const settled = (): void => void this.inFlight.delete(work);
    work.then(settled, settled);
    return work;
  }

  stop(): Promise<void> {
    this.stopped ??= this.leave();
    return this.stopped;
  }

  private async leave(): Promise<void> {
    const left = this.consumerGroup.leave(this);
    this.controller.abort();
    await left;
    await Promise.allSettled([...this.inFlight]);
    this.onStopped(this);
  }
}
