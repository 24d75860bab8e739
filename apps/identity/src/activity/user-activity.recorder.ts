import { Inject, Injectable } from '@nestjs/common';
import { userActivityReadModel } from '@portal/contracts';
import { READ_MODEL_STORE, type ReadModelStore } from '@portal/read-models';

/**
 * Records when a person last used the portal with a session: at sign-in, and when a session's
 * last-seen time is refreshed (at most once a minute per session), never on every request.
 */
@Injectable()
export class UserActivityRecorder {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  async record(userId: string, at: Date): Promise<void> {
    const activity = await this.store.collection(userActivityReadModel);
    await activity.upsert(userId, { userId, lastActiveAt: at.toISOString() });
  }
}
