import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { DomainError } from '@portal/event-sourcing';
import { KeyErrorCode } from '@portal/keys-domain';
import { READ_MODEL_STORE, type ReadModelStore } from '@portal/read-models';
import { type ApiKeyDoc, apiKeysReadModel } from '../api-keys/api-keys.read-model';
import { keyLastUsedReadModel } from '../last-used/last-used.read-model';
import { KeyAnswer, keyAnswer } from '../shared/key-answer';
import { KeyTeamAccess } from '../shared/key-team-access';
import { KeysClock } from '../shared/keys-clock';

export class KeyListAnswer {
  @ApiProperty({ type: () => [KeyAnswer], description: 'Newest first, revoked and expired keys included' })
  readonly keys!: KeyAnswer[];
}

/** A team's keys, as every member of the team may see them (never a secret nor its hash). */
@Injectable()
export class KeysQuery {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    private readonly access: KeyTeamAccess,
    private readonly clock: KeysClock,
  ) {}

  async list(teamId: string, userId: string): Promise<KeyListAnswer> {
    await this.access.roleOf(teamId, userId);
    const docs = await (await this.store.collection(apiKeysReadModel)).find({ teamId }, { sort: { createdAt: -1 } });
    return { keys: await this.answers(docs) };
  }

  async one(teamId: string, keyId: string, userId: string): Promise<KeyAnswer> {
    await this.access.roleOf(teamId, userId);
    const doc = await (await this.store.collection(apiKeysReadModel)).get(keyId);
    if (doc === null || doc.teamId !== teamId) throw new DomainError(KeyErrorCode.NOT_FOUND, 'API key not found');
    const [answer] = await this.answers([doc]);
    if (answer === undefined) throw new Error(`no answer for key ${keyId}`);
    return answer;
  }

  private async answers(docs: readonly ApiKeyDoc[]): Promise<KeyAnswer[]> {
    const lastUsed = await (
      await this.store.collection(keyLastUsedReadModel)
    ).find({ keyId: { $in: docs.map((doc) => doc.keyId) } });
    const byKey = new Map(lastUsed.map((doc) => [doc.keyId, doc]));
    const now = this.clock.now();
    return docs.map((doc) => keyAnswer(doc, byKey.get(doc.keyId) ?? null, now));
  }
}
