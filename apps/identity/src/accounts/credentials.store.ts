import { Inject, Injectable } from '@nestjs/common';
import { normalizeEmail } from '@portal/identity-domain';
import { defineReadModel, READ_MODEL_STORE, type ReadModelCollection, type ReadModelStore } from '@portal/read-models';

/**
 * What signing in needs of an account, written by sign-up itself (not a projection, so a
 * replay never drops it): the password's argon2id hash and a copy of the account's facts.
 */
export interface CredentialsDoc {
  readonly userId: string;
  /** Normalized. */
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly registeredAt: string;
}

export const credentialsModel = defineReadModel<CredentialsDoc>({
  name: 'identity_credentials',
  indexes: [{ fields: { email: 1 }, unique: true }],
});

@Injectable()
export class CredentialsStore {
  private collection: Promise<ReadModelCollection<CredentialsDoc>> | null = null;

  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  async findByEmail(email: string): Promise<CredentialsDoc | null> {
    const [found] = await (await this.docs()).find({ email: normalizeEmail(email) }, { limit: 1 });
    return found ?? null;
  }

  async get(userId: string): Promise<CredentialsDoc | null> {
    return (await this.docs()).get(userId);
  }

  async save(doc: CredentialsDoc): Promise<void> {
    await (await this.docs()).upsert(doc.userId, doc);
  }

  private docs(): Promise<ReadModelCollection<CredentialsDoc>> {
    this.collection ??= this.store.collection(credentialsModel);
    return this.collection;
  }
}
