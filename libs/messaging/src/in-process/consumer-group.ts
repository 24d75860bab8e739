import { PartitionWorker, type GroupMember, type WorkerContext } from './partition-worker';

/**
 * The subscribers of one group to one topic in this process. Partition p belongs to member
 * p mod n (in joining order), so ownership moves as members come and go; one worker per
 * partition delivers to the current owner, so a partition is never processed twice at once.
 */
export class ConsumerGroup {
  private readonly members: GroupMember[] = [];
  private workers: PartitionWorker[] = [];
  private stopping: Promise<void> = Promise.resolve();

  constructor(
    private readonly context: WorkerContext,
    readonly topic: string,
    readonly group: string,
    private readonly partitions: number,
  ) {}

  get size(): number {
    return this.members.length;
  }

  async join(member: GroupMember): Promise<void> {
    this.members.push(member);
    await this.stopping;
    if (this.workers.length === 0 && this.members.length > 0) this.startWorkers();
  }

  /** Removes the member at once; when it was the last, resolves once the workers have stopped. */
  leave(member: GroupMember): Promise<void> {
    const index = this.members.indexOf(member);
    if (index >= 0) this.members.splice(index, 1);
    if (this.members.length === 0 && this.workers.length > 0) {
      const workers = this.workers;
      this.workers = [];
      this.stopping = Promise.all(workers.map((worker) => worker.stop())).then(() => undefined);
    }
    return this.members.length === 0 ? this.stopping : Promise.resolve();
  }

  ownerOf(partition: number): GroupMember | undefined {
    return this.members.length === 0 ? undefined : this.members[partition % this.members.length];
  }

  partitionsOf(member: GroupMember): number[] {
    const owned: number[] = [];
    for (let partition = 0; partition < this.partitions; partition += 1) {
      if (this.ownerOf(partition) === member) owned.push(partition);
    }
    return owned;
  }

  private startWorkers(): void {
    for (let partition = 0; partition < this.partitions; partition += 1) {
      const position = { group: this.group, topic: this.topic, partition };
      this.workers.push(new PartitionWorker(this.context, position, (p) => this.ownerOf(p)));
    }
  }
}
