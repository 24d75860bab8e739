import { type Admin, Kafka, logLevel } from 'kafkajs';
import { deadLetterTopic } from '@portal/messaging';
import type { ReadModelStore } from '@portal/read-models';
import { entriesModel } from '../../bench/pipeline/entries.projection';
import { entryStreamsModel } from '../../bench/pipeline/entry-streams.projection';
import { EVENTS_PER_STREAM, placeOf, STREAMS, TOTAL_ENTRIES } from './entry-plan';

/** What the read model and the broker hold once the pipeline is done; compared whole. */
export interface PipelineOutcome {
  readonly entries: number;
  /** Entries 1..TOTAL_ENTRIES absent from the read model (the first 20). */
  readonly missing: readonly number[];
  /** Entries not written by their own event, or outside 1..TOTAL_ENTRIES (the first 20). */
  readonly misplaced: readonly string[];
  readonly streams: number;
  /** Streams whose count of applied events is not EVENTS_PER_STREAM: `<stream>=<events>@<last revision>`. */
  readonly miscounted: readonly string[];
  readonly deadLetters: number;
}

export const EXPECTED_OUTCOME: PipelineOutcome = {
  entries: TOTAL_ENTRIES,
  missing: [],
  misplaced: [],
  streams: STREAMS,
  miscounted: [],
  deadLetters: 0,
};

async function entriesOutcome(
  store: ReadModelStore,
): Promise<Pick<PipelineOutcome, 'entries' | 'missing' | 'misplaced'>> {
  const seen = new Set<number>();
  const misplaced: string[] = [];
  let entries = 0;
  // One page: FerretDB reads the whole collection for each page.
  const pages = { batchSize: TOTAL_ENTRIES + 1 };
  for await (const { id, version, doc } of (await store.collection(entriesModel)).entries(pages)) {
    entries += 1;
    const place = placeOf(doc.n);
    const ownEvent =
      id === String(doc.n) &&
      version === doc.globalPosition &&
      doc.streamId === place.streamId &&
      doc.streamRevision === place.streamRevision;
    if (!ownEvent || doc.n > TOTAL_ENTRIES || seen.has(doc.n)) misplaced.push(id);
    seen.add(doc.n);
  }
  const missing = Array.from({ length: TOTAL_ENTRIES }, (_, i) => i + 1).filter((n) => !seen.has(n));
  return { entries, missing: missing.slice(0, 20), misplaced: misplaced.slice(0, 20) };
}

async function streamsOutcome(store: ReadModelStore): Promise<Pick<PipelineOutcome, 'streams' | 'miscounted'>> {
  const miscounted: string[] = [];
  let streams = 0;
  for await (const { doc } of (await store.collection(entryStreamsModel)).entries()) {
    streams += 1;
    if (doc.events !== EVENTS_PER_STREAM || doc.lastRevision !== EVENTS_PER_STREAM - 1) {
      miscounted.push(`${doc.streamId}=${doc.events}@${doc.lastRevision}`);
    }
  }
  return { streams, miscounted: miscounted.slice(0, 20) };
}

/** Reads the consumer group's progress and the dead-letter topic through a Kafka admin client. */
export class KafkaInspector {
  private constructor(private readonly admin: Admin) {}

  static async connect(brokers: string): Promise<KafkaInspector> {
    const kafka = new Kafka({ clientId: 'fault-inspector', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    return new KafkaInspector(admin);
  }

  /** Messages of the topic the group has not committed past yet. */
  async unprocessed(topic: string, group: string): Promise<number> {
    const [ends, [committed]] = await Promise.all([
      this.admin.fetchTopicOffsets(topic),
      this.admin.fetchOffsets({ groupId: group, topics: [topic] }),
    ]);
    const done = new Map((committed?.partitions ?? []).map((p) => [p.partition, Math.max(0, Number(p.offset))]));
    return ends.reduce((sum, end) => sum + Number(end.high) - (done.get(end.partition) ?? 0), 0);
  }

  /** Messages ever written to the topic's dead-letter topic. */
  async deadLetters(topic: string): Promise<number> {
    const ends = await this.admin.fetchTopicOffsets(deadLetterTopic(topic));
    return ends.reduce((sum, end) => sum + Number(end.high) - Number(end.low), 0);
  }

  close(): Promise<void> {
    return this.admin.disconnect();
  }
}

/** The read model's entries and stream counts, and the dead letters of the topic. */
export async function pipelineOutcome(
  store: ReadModelStore,
  kafka: KafkaInspector,
  topic: string,
): Promise<PipelineOutcome> {
  return {
    ...(await entriesOutcome(store)),
    ...(await streamsOutcome(store)),
    deadLetters: await kafka.deadLetters(topic),
  };
}

/**
 * Events applied so far, as the stream documents count them: 200 small documents to read,
 * where counting the entries would read all of them (FerretDB counts by reading).
 */
export async function appliedCount(store: ReadModelStore): Promise<number> {
  const streams = await (await store.collection(entryStreamsModel)).find();
  return streams.reduce((sum, stream) => sum + stream.events, 0);
}
