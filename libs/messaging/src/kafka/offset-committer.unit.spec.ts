import { RecordingLogger } from '../contract/bus-fixtures.contract';
import { OffsetCommitter } from './offset-committer';

type Offsets = { topic: string; partition: number; offset: string }[];

/** A consumer whose commit requests stay open until the test settles them. */
class SlowConsumer {
  readonly requests: { offsets: string; settle: (error?: Error) => void }[] = [];
  commitOffsets(offsets: Offsets): Promise<void> {
    return new Promise((resolve, reject) => {
      const text = offsets.map((o) => `${o.partition}:${o.offset}`).join(',');
      this.requests.push({ offsets: text, settle: (error) => (error ? reject(error) : resolve()) });
    });
  }
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('offset committer', () => {
  let consumer: SlowConsumer;
  let logger: RecordingLogger;
  let committer: OffsetCommitter;

  beforeEach(() => {
    consumer = new SlowConsumer();
    logger = new RecordingLogger();
    committer = new OffsetCommitter('portal.teams.events', consumer, logger, { group: 'g' });
  });

  it('keeps one commit in flight and coalesces what is marked meanwhile into the next, newest per partition', async () => {
    committer.mark(0, '1');
    committer.mark(0, '2');
    committer.mark(1, '5');
    committer.mark(0, '3');
    expect(consumer.requests.map((r) => r.offsets)).toEqual(['0:1']);
    consumer.requests[0]?.settle();
    await tick();
    expect(consumer.requests.map((r) => r.offsets)).toEqual(['0:1', '0:3,1:5']);
    consumer.requests[1]?.settle();
    await tick();
    expect(consumer.requests).toHaveLength(2);
  });

  it('never moves a partition back to an older offset', async () => {
    committer.mark(0, '1');
    committer.mark(2, '9');
    committer.mark(2, '4');
    consumer.requests[0]?.settle();
    await tick();
    expect(consumer.requests[1]?.offsets).toBe('2:9');
  });

  it('puts failed offsets back, logs, and commits them with the next mark instead of looping', async () => {
    committer.mark(0, '7');
    consumer.requests[0]?.settle(new Error('coordinator moved'));
    await tick();
    await tick();
    expect(consumer.requests).toHaveLength(1);
    expect(logger.text()).toContain('Committing offsets failed');
    committer.mark(1, '2');
    expect(consumer.requests[1]?.offsets).toBe('0:7,1:2');
  });

  it('flush resolves once everything marked is committed', async () => {
    committer.mark(0, '1');
    committer.mark(0, '2');
    let flushed = false;
    const flushing = committer.flush().then(() => (flushed = true));
    await tick();
    expect(flushed).toBe(false);
    consumer.requests[0]?.settle();
    await tick();
    expect(flushed).toBe(false);
    expect(consumer.requests[1]?.offsets).toBe('0:2');
    consumer.requests[1]?.settle();
    await flushing;
    expect(flushed).toBe(true);
  });

  it('drops pending offsets of partitions it no longer owns', async () => {
    committer.mark(0, '1');
    committer.mark(1, '3');
    committer.mark(2, '4');
    committer.retainPartitions([2]);
    consumer.requests[0]?.settle();
    await tick();
    expect(consumer.requests.map((r) => r.offsets)).toEqual(['0:1', '2:4']);
  });
});
