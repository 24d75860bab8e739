import { Injectable } from '@nestjs/common';
import { type EventMetadata, uuidv7 } from '@portal/event-sourcing';
import { type ApiKeyDetails, expiresAtFor, type KeyExpiration, type RollGrace } from '@portal/keys-domain';
import { type Actor, CreateKeyHandler } from '../create-key/create-key.handler';
import type { CreatedKeyAnswer, KeyAnswer } from '../shared/key-answer';
import { KeyAnswers } from '../shared/key-answers';
import { KeyCommands } from '../shared/key-commands';
import { KeysClock } from '../shared/keys-clock';

export interface RollRequest {
  readonly teamId: string;
  readonly keyId: string;
  readonly name: string;
  readonly grace: RollGrace;
  readonly description?: string;
  readonly expiration?: KeyExpiration;
}

/** The replacement key and the rolled key as it now stands. */
export interface RolledKeys {
  readonly replacement: CreatedKeyAnswer;
  readonly rolled: KeyAnswer;
}

/** The replacement's expiry: the chosen lifetime from now, or the old key's own lifetime from now. */
function replacementExpiry(
  old: Pick<ApiKeyDetails, 'createdAt' | 'expiresAt'>,
  now: string,
  expiration: KeyExpiration | undefined,
): string | null {
  if (expiration !== undefined) return expiresAtFor(expiration, now);
  if (old.expiresAt === null) return null;
  const lifetime = Date.parse(old.expiresAt) - Date.parse(old.createdAt);
  return new Date(Date.parse(now) + lifetime).toISOString();
}

/**
 * Rolls a key: records the roll on the old key first (the decider checks the team, the role,
 * that the key still works and was not rolled before; without grace the old key is revoked at
 * once), then creates the replacement with the old key's environment and limits and a fresh
 * secret. Recording the roll first means a refused roll never leaves an extra working key.
 */
@Injectable()
export class RollKeyHandler {
  constructor(
    private readonly keys: KeyCommands,
    private readonly creator: CreateKeyHandler,
    private readonly answers: KeyAnswers,
    private readonly clock: KeysClock,
  ) {}

  async roll(request: RollRequest, actor: Actor, metadata: EventMetadata): Promise<RolledKeys> {
    const replacementKeyId = uuidv7();
    const { keyId, teamId, grace } = request;
    const command = {
      type: 'RollApiKey' as const,
      keyId,
      teamId,
      actorId: actor.userId,
      actorRole: actor.role,
      replacementKeyId,
      grace,
    };
    const now = this.clock.now();
    const { state: old } = await this.keys.run(command, metadata, now);
    if (old.status === 'none') throw new Error(`key ${keyId} missing after ApiKeyRolled`);
    const replacement = await this.creator.create(
      {
        teamId,
        name: request.name,
        description: request.description ?? old.description,
        environment: old.environment,
        expiry: (at) => replacementExpiry(old, at, request.expiration),
        limits: old.limits,
        rolledFrom: keyId,
      },
      actor,
      metadata,
      replacementKeyId,
      now,
    );
    return { replacement, rolled: await this.answers.fromStream(keyId) };
  }
}
