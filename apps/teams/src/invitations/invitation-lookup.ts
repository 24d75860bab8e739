import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@portal/event-sourcing';
import { READ_MODEL_STORE, type ReadModelStore } from '@portal/read-models';
import { TeamErrorCode } from '@portal/teams-domain';
import { teamInvitationsReadModel, type TeamInvitationDoc } from '../team-overview/team-overview.read-models';
import { INVITATION_TOKEN_SHAPE, invitationTokenHash } from './invitation-token';

/**
 * Finds the invitation a link's token belongs to, by the token's SHA-256 in the
 * team_invitations read model (indexed). The read model is eventually consistent: an
 * invitation sent a moment ago may not be found yet, and a doc may be a step behind its
 * team's stream; accepting therefore re-checks everything against the stream (the decider
 * compares the hash with the invitation's newest one).
 */
@Injectable()
export class InvitationLookup {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  async byToken(token: string): Promise<TeamInvitationDoc> {
    if (!INVITATION_TOKEN_SHAPE.test(token)) throw notFound();
    const invitations = await this.store.collection(teamInvitationsReadModel);
    const [found] = await invitations.find({ tokenHash: invitationTokenHash(token) }, { limit: 1 });
    if (found === undefined) throw notFound();
    return found;
  }
}

const notFound = (): DomainError => new DomainError(TeamErrorCode.INVITATION_NOT_FOUND, 'No such invitation');
