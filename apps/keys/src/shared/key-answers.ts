import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@portal/event-sourcing';
import { type ApiKeyEvent, apiKeyStreams } from '@portal/keys-domain';
import { READ_MODEL_STORE, type ReadModelStore } from '@portal/read-models';
import { nextApiKeyDoc } from '../api-keys/api-keys.projection';
import type { ApiKeyDoc } from '../api-keys/api-keys.read-model';
import { keyLastUsedReadModel } from '../last-used/last-used.read-model';
import { type KeyAnswer, keyAnswer } from './key-answer';
import { KeysClock } from './keys-clock';

/**
 * The answer of a command about a key, read from the key's own stream rather than from the
 * api_keys read model, which follows a moment later: the caller sees their change at once.
 * The stream is folded exactly as the projection folds it.
 */
@Injectable()
export class KeyAnswers {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readStore: ReadModelStore,
    private readonly clock: KeysClock,
  ) {}

  async fromStream(keyId: string): Promise<KeyAnswer> {
    const doc = await this.documentOf(keyId);
    const lastUsed = await (await this.readStore.collection(keyLastUsedReadModel)).get(keyId);
    return keyAnswer(doc, lastUsed, this.clock.now());
  }

  private async documentOf(keyId: string): Promise<ApiKeyDoc> {
    const recorded = await this.events.readStream(apiKeyStreams.streamName(keyId));
    let doc: ApiKeyDoc | null = null;
    for (const event of recorded) {
      doc = nextApiKeyDoc(doc, { type: event.type, data: event.data } as ApiKeyEvent, event.streamRevision) ?? doc;
    }
    if (doc === null) throw new Error(`key ${keyId} has no ApiKeyCreated event`);
    return doc;
  }
}
