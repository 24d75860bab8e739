import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@portal/event-sourcing';
import { READ_MODEL_STORE, type ReadModelStore } from '@portal/read-models';
import { TeamErrorCode } from '@portal/teams-domain';
import { memberDocId, teamMembersReadModel, type TeamMemberDoc } from '../team-overview/team-overview.read-models';

/**
 * Who may read a team: its members, per the team_members read model. A non-member gets
 * TEAM.NOT_FOUND (404), the answer for a team that does not exist, so nothing leaks.
 */
@Injectable()
export class TeamMembership {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  async require(teamId: string, userId: string): Promise<TeamMemberDoc> {
    const members = await this.store.collection(teamMembersReadModel);
    const member = await members.get(memberDocId(teamId, userId));
    if (member === null) throw new DomainError(TeamErrorCode.NOT_FOUND, 'Team not found');
    return member;
  }
}
