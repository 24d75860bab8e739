import type { EachMessagePayload } from 'kafkajs';
import { RecordingLogger } from '../contract/bus-fixtures.contract';
import type { EncodedMessage } from '../delivery/message-validation';
import { subscriptionSettings } from '../delivery/subscription-settings';
import { KafkaMessageProcessor, type ConsumerControls } from './kafka-message-processor';

const topic = 'portal.teams.events';

/** Records what the processor asks of the consumer. */
class Controls implements ConsumerControls {
  readonly calls: string[] = [];
  seek({ offset }: { offset: string }): void {
    this.calls.push(`seek ${offset}`);
  }
  commitOffsets(offsets: { offset: string }[]): Promise<void> {
    this.calls.push(`commit ${offsets.map((o) => o.offset).join(',')}`);
    return Promise.resolve();
  }
}

function payload(offset: string, calls: string[]): EachMessagePayload {
  const message = {
    key: Buffer.from('k'),
    value: Buffer.from('v'),
    timestamp: '0',
    attributes: 0,
    offset,
    headers: {},
  };
  return {
    topic,
    partition: 0,
    message,
    heartbeat: () => Promise.resolve(),
    pause: () => {
      calls.push('pause');
      return () => void calls.push('resume');
    },
  };
}

describe('Kafka message processing', () => {
  let controls: Controls;
  let letters: { topic: string; letter: EncodedMessage }[];
  let dlqDown: boolean;
  let handled: number[];
  let processor: KafkaMessageProcessor;

  beforeEach(() => {
    controls = new Controls();
    letters = [];
    dlqDown = false;
    handled = [];
    const settings = subscriptionSettings({
      topic,
      group: 'g',
      maxAttempts: 2,
      backoff: { initialMs: 1, maxMs: 1 },
      handler: (message) => {
        handled.push(message.attempt);
        return Promise.reject(new Error('handler refuses'));
      },
    });
    const publishDeadLetter = (dlq: string, letter: EncodedMessage): Promise<void> =>
      dlqDown
        ? Promise.reject(new Error('dlq unavailable'))
        : Promise.resolve(void letters.push({ topic: dlq, letter }));
    processor = new KafkaMessageProcessor(settings, {
      publishDeadLetter,
      logger: new RecordingLogger(),
      clock: () => new Date(),
    });
  });

  it('seeks back and pauses the partition after a failure, then dead-letters and commits', async () => {
    await processor.onMessage(controls, payload('7', controls.calls));
    expect(controls.calls).toEqual(['seek 7', 'pause']);
    await processor.onMessage(controls, payload('7', controls.calls));
    expect(handled).toEqual([1, 2]);
    expect(letters.map((l) => l.topic)).toEqual(['portal.teams.events.dlq']);
    expect(controls.calls.slice(2)).toEqual(['commit 8']);
  });

  it('retries a failed dead-letter publish without running the handler again, and commits only after it', async () => {
    dlqDown = true;
    await processor.onMessage(controls, payload('7', controls.calls));
    await processor.onMessage(controls, payload('7', controls.calls));
    expect(handled).toEqual([1, 2]);
    expect(controls.calls.filter((call) => call.startsWith('commit'))).toEqual([]);
    expect(controls.calls.filter((call) => call === 'seek 7')).toHaveLength(2);

    dlqDown = false;
    await processor.onMessage(controls, payload('7', controls.calls));
    expect(handled).toEqual([1, 2]);
    expect(letters).toHaveLength(1);
    expect(controls.calls.at(-1)).toBe('commit 8');
  });

  it('once stopping, neither delivers, retries nor commits', async () => {
    await processor.drain();
    await processor.onMessage(controls, payload('7', controls.calls));
    expect(handled).toEqual([]);
    expect(controls.calls).toEqual(['pause']);
  });
});
