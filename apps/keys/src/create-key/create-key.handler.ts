import { Injectable } from '@nestjs/common';
import { type EventMetadata, uuidv7 } from '@portal/event-sourcing';
import type { ApiKeyLimits, KeyEnvironment } from '@portal/keys-domain';
import type { TeamRole } from '@portal/teams-domain';
import { type CreatedKeyAnswer } from '../shared/key-answer';
import { KeyAnswers } from '../shared/key-answers';
import { KeyCommands } from '../shared/key-commands';
import { newKeySecret } from '../shared/key-secret';
import { KeysClock } from '../shared/keys-clock';

export interface NewKey {
  readonly teamId: string;
  readonly name: string;
  readonly description: string;
  readonly environment: KeyEnvironment;
  /** When a key made at `now` (ISO 8601) expires; null: never. */
  readonly expiry: (now: string) => string | null;
  readonly limits: ApiKeyLimits;
  readonly rolledFrom?: string;
}

export interface Actor {
  readonly userId: string;
  readonly role: TeamRole;
}

/**
 * Makes a key: random secret, then ApiKeyCreated with only its SHA-256 hash and hint. The
 * secret goes back to the caller in the answer, once; it is kept nowhere.
 */
@Injectable()
export class CreateKeyHandler {
  constructor(
    private readonly keys: KeyCommands,
    private readonly answers: KeyAnswers,
    private readonly clock: KeysClock,
  ) {}

  /**
   * `keyId` and `now` are given when the key replaces another: its id is recorded in the roll
   * first, at the same time.
   */
  async create(
    key: NewKey,
    actor: Actor,
    metadata: EventMetadata,
    keyId = uuidv7(),
    now = this.clock.now(),
  ): Promise<CreatedKeyAnswer> {
    const { secret, secretHash, hint } = newKeySecret(key.environment);
    const command = {
      type: 'CreateApiKey' as const,
      keyId,
      teamId: key.teamId,
      actorId: actor.userId,
      actorRole: actor.role,
      name: key.name,
      description: key.description,
      environment: key.environment,
      expiresAt: key.expiry(now.toISOString()),
      secretHash,
      hint,
      limits: key.limits,
      ...(key.rolledFrom === undefined ? {} : { rolledFrom: key.rolledFrom }),
    };
    await this.keys.run(command, metadata, now);
    return { ...(await this.answers.fromStream(keyId)), secret };
  }
}
