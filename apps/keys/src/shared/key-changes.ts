import { Injectable } from '@nestjs/common';
import { type AuthenticatedUser, requestEventMetadata } from '@portal/platform';
import type { TeamRole } from '@portal/teams-domain';
import type { FastifyRequest } from 'fastify';
import type { KeyAnswer } from './key-answer';
import { KeyAnswers } from './key-answers';
import { type KeyCommandInput, KeyCommands } from './key-commands';
import { keyIdOf, teamIdOf } from './key-ids';
import { KeyTeamAccess } from './key-team-access';

/** Who acts on which key: what every command of a person about a key carries. */
export interface ActingOnKey {
  readonly keyId: string;
  readonly teamId: string;
  readonly actorId: string;
  readonly actorRole: TeamRole;
}

/**
 * The path of a person's change to one key: ids from the path checked, the caller's role in the
 * team looked up (404 when not a member), the command decided with that role (the decider
 * refuses a Member, or a key of another team), then the key as it now stands.
 */
@Injectable()
export class KeyChanges {
  constructor(
    private readonly access: KeyTeamAccess,
    private readonly keys: KeyCommands,
    private readonly answers: KeyAnswers,
  ) {}

  async change(
    path: { readonly teamId: string; readonly keyId: string },
    user: AuthenticatedUser,
    request: FastifyRequest,
    command: (acting: ActingOnKey) => KeyCommandInput,
  ): Promise<KeyAnswer> {
    const teamId = teamIdOf(path.teamId);
    const keyId = keyIdOf(path.keyId);
    const actorRole = await this.access.roleOf(teamId, user.userId);
    const acting = { keyId, teamId, actorId: user.userId, actorRole };
    await this.keys.run(command(acting), requestEventMetadata(request, user.userId, teamId));
    return this.answers.fromStream(keyId);
  }
}
