import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@portal/event-sourcing';
import { READ_MODEL_STORE, type ReadModelStore } from '@portal/read-models';
import { TeamErrorCode, type TeamRole } from '@portal/teams-domain';
import { keyTeamMemberId, keyTeamMembersReadModel } from '../team-members/key-team-members.read-models';

/**
 * The caller's role in the team whose keys they ask about, per key_team_members. A person who
 * is not a member gets TEAM.NOT_FOUND (404), the answer for a team that does not exist, so
 * nothing about another team's keys leaks.
 */
@Injectable()
export class KeyTeamAccess {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  async roleOf(teamId: string, userId: string): Promise<TeamRole> {
    const members = await this.store.collection(keyTeamMembersReadModel);
    const member = await members.get(keyTeamMemberId(teamId, userId));
    if (member === null || member.role === null) throw new DomainError(TeamErrorCode.NOT_FOUND, 'Team not found');
    return member.role;
  }
}
