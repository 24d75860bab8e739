import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { KEY_LOOKUP, type KeyLookup, type KeyRecord, type KeySnapshotPage } from '@portal/contracts';
import { EVENT_STORE, type EventStore, parseStreamName, type RecordedEvent } from '@portal/event-sourcing';
import { apiKeyDecider, type ApiKeyEvent, type ApiKeyState, apiKeyStreams } from '@portal/keys-domain';

/**
 * KEY_LOOKUP answered straight from the event store, by folding every `apikey-` stream with the
 * keys domain's decider: a real source of keys for the gateway's tests that needs no keys
 * service. `failing` makes it refuse, as an unreachable keys service would.
 */
@Injectable()
export class EventStoreKeyLookup implements KeyLookup {
  failing = false;
  /** Each answer waits this long first, like a slow keys service. */
  delayMs = 0;
  calls = 0;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async findBySecretHash(secretHash: string): Promise<KeyRecord | null> {
    this.calls += 1;
    return (await this.records()).find((record) => record.key.secretHash === secretHash) ?? null;
  }

  async snapshotPage(after: string | null, limit: number): Promise<KeySnapshotPage> {
    this.calls += 1;
    const records = (await this.records()).filter((record) => after === null || record.key.keyId > after);
    const page = records.slice(0, limit);
    return { keys: page, next: records.length > limit ? (page.at(-1)?.key.keyId ?? null) : null };
  }

  private async records(): Promise<KeyRecord[]> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.failing) throw new Error('the keys service is down');
    const streams = new Map<string, { state: ApiKeyState; revision: number }>();
    for (const event of await this.allEvents()) {
      if (parseStreamName(event.streamId).category !== apiKeyStreams.category) continue;
      const current = streams.get(event.streamId) ?? { state: apiKeyDecider.initialState(), revision: -1 };
      const state = apiKeyDecider.evolve(current.state, { type: event.type, data: event.data } as ApiKeyEvent);
      streams.set(event.streamId, { state, revision: event.streamRevision });
    }
    return [...streams.values()]
      .flatMap(({ state, revision }) => (state.status === 'none' ? [] : [{ key: state, revision }]))
      .sort((a, b) => (a.key.keyId < b.key.keyId ? -1 : 1));
  }

  private async allEvents(): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let after: number | undefined;
    for (;;) {
      const page = await this.store.readAll({ after, maxCount: 500 });
      events.push(...page.events);
      if (page.isEnd || page.events.length === 0) return events;
      after = page.checkpoint;
    }
  }
}

@Global()
@Module({
  providers: [EventStoreKeyLookup, { provide: KEY_LOOKUP, useExisting: EventStoreKeyLookup }],
  exports: [KEY_LOOKUP, EventStoreKeyLookup],
})
export class EventStoreKeysModule {}
