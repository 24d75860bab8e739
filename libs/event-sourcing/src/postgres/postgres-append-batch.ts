import type { ExpectedRevision } from '../domain/event-envelope';
import type { PreparedEvent } from '../event-store/append-validation';
import type { IdempotencyOptions } from '../event-store/event-store.port';

/** One append waiting to be written, its payloads already serialised. */
export interface AppendRequest {
  readonly streamId: string;
  readonly expectedRevision: ExpectedRevision;
  readonly idempotency: IdempotencyOptions | undefined;
  readonly events: readonly PreparedEvent[];
  readonly serialized: readonly { readonly data: string; readonly metadata: string }[];
  /** Approximate size in bytes, to bound a batch. */
  readonly size: number;
}

/** What the append function answered for one request. */
export type AppendOutcome =
  | { readonly status: 'appended'; readonly streamRevision: number | null; readonly firstPosition: number | null }
  | { readonly status: 'wrong_expected_revision'; readonly actualRevision: number | null }
  | {
      readonly status: 'duplicate' | 'key_reused';
      readonly streamId: string;
      readonly firstRevision: number | null;
      readonly eventCount: number;
    };

export interface OutcomeRow {
  readonly o_request: number;
  readonly o_status: string;
  readonly o_stream: string;
  readonly o_stream_revision: string | null;
  readonly o_first_revision: string | null;
  readonly o_first_position: string | null;
  readonly o_event_count: number;
}

export function appendRequest(
  streamId: string,
  expectedRevision: ExpectedRevision,
  idempotency: IdempotencyOptions | undefined,
  events: readonly PreparedEvent[],
): AppendRequest {
  const serialized = events.map((event) => ({
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata),
  }));
  const size = serialized.reduce((total, item) => total + item.data.length + item.metadata.length + 200, 200);
  return { streamId, expectedRevision, idempotency, events, serialized, size };
}

/** The twelve array parameters of append_batch, in order. */
export function batchParameters(requests: readonly AppendRequest[]): unknown[] {
  const events = requests.flatMap((request) => request.events.map((event, index) => ({ event, request, index })));
  return [
    requests.map((r) => r.streamId),
    requests.map((r) => (typeof r.expectedRevision === 'number' ? 'exact' : r.expectedRevision)),
    requests.map((r) => (typeof r.expectedRevision === 'number' ? r.expectedRevision : null)),
    requests.map((r) => r.idempotency?.key ?? null),
    requests.map((r) => r.idempotency?.fingerprint ?? null),
    requests.map((r) => r.events.length),
    events.map(({ event }) => event.id),
    events.map(({ event }) => event.type),
    events.map(({ event }) => event.schemaVersion),
    events.map(({ request, index }) => request.serialized[index]?.data),
    events.map(({ request, index }) => request.serialized[index]?.metadata),
    events.map(({ event }) => event.recordedAt),
  ];
}

const toNumber = (value: string | null): number | null => (value === null ? null : Number(value));

export function outcomeFromRow(row: OutcomeRow): AppendOutcome {
  switch (row.o_status) {
    case 'appended':
      return {
        status: 'appended',
        streamRevision: toNumber(row.o_stream_revision),
        firstPosition: toNumber(row.o_first_position),
      };
    case 'wrong_expected_revision':
      return { status: 'wrong_expected_revision', actualRevision: toNumber(row.o_stream_revision) };
    case 'duplicate':
    case 'key_reused':
      return {
        status: row.o_status,
        streamId: row.o_stream,
        firstRevision: toNumber(row.o_first_revision),
        eventCount: row.o_event_count,
      };
    default:
      throw new Error(`append_batch answered an unknown status ${row.o_status}`);
  }
}
