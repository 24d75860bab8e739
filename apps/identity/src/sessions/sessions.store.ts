import { Inject, Injectable } from '@nestjs/common';
import { uuidv7 } from '@portal/event-sourcing';
import { defineReadModel, READ_MODEL_STORE, type ReadModelCollection, type ReadModelStore } from '@portal/read-models';
import { SESSION_POLICY } from './session-policy';
import { newSessionToken, sessionTokenHash } from './session-token';

/**
 * A signed-in browser, stored under the SHA-256 of its token (never the token). Written by the
 * identity service itself, not a projection: a replay never drops it.
 */
export interface SessionDoc {
  /** Public id, safe to show (e.g. in a list of sessions). */
  readonly sessionId: string;
  readonly userId: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  /** The absolute end; the idle end follows from lastSeenAt. */
  readonly expiresAt: string;
  readonly sourceIp: string | null;
  readonly userAgent: string | null;
}

export const sessionsModel = defineReadModel<SessionDoc>({
  name: 'identity_sessions',
  indexes: [{ fields: { userId: 1 } }, { fields: { sessionId: 1 }, unique: true }],
});

export interface NewSession {
  /** Give it to the browser and forget it. */
  readonly token: string;
  readonly session: SessionDoc;
}

@Injectable()
export class SessionsStore {
  private collection: Promise<ReadModelCollection<SessionDoc>> | null = null;

  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  async open(
    userId: string,
    now: Date,
    client: { sourceIp: string | null; userAgent: string | null },
  ): Promise<NewSession> {
    const token = newSessionToken();
    const session: SessionDoc = {
      sessionId: uuidv7(now),
      userId,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_POLICY.absoluteLifetimeMs).toISOString(),
      ...client,
    };
    await (await this.docs()).upsert(sessionTokenHash(token), session);
    return { token, session };
  }

  async findByToken(token: string): Promise<SessionDoc | null> {
    return (await this.docs()).get(sessionTokenHash(token));
  }

  async touch(token: string, now: Date): Promise<void> {
    await (await this.docs()).patch(sessionTokenHash(token), { $set: { lastSeenAt: now.toISOString() } });
  }

  /** Ends one session. */
  async revoke(token: string): Promise<void> {
    await (await this.docs()).delete(sessionTokenHash(token));
  }

  /** Ends every session of an account; says how many there were. */
  async revokeAllOf(userId: string): Promise<number> {
    return (await this.docs()).deleteMany({ userId });
  }

  private docs(): Promise<ReadModelCollection<SessionDoc>> {
    this.collection ??= this.store.collection(sessionsModel);
    return this.collection;
  }
}
