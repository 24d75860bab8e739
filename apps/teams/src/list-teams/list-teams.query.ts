import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_STORE, type ReadModelStore } from '@portal/read-models';
import type { TeamRole } from '@portal/teams-domain';
import { teamMembersReadModel, teamsReadModel } from '../team-overview/team-overview.read-models';

export interface MyTeam {
  readonly teamId: string;
  readonly name: string;
  readonly description: string;
  readonly createdAt: string;
  readonly memberCount: number;
  readonly yourRole: TeamRole;
}

/** The teams a person belongs to (a person may belong to several), by name. */
@Injectable()
export class ListTeamsQuery {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  async of(userId: string): Promise<MyTeam[]> {
    const memberships = await (await this.store.collection(teamMembersReadModel)).find({ userId });
    const teams = await this.store.collection(teamsReadModel);
    const found = await Promise.all(
      memberships.map(async ({ teamId, role }) => {
        const team = await teams.get(teamId);
        return team === null ? null : { ...team, yourRole: role };
      }),
    );
    return found
      .filter((team): team is MyTeam => team !== null)
      .sort((a, b) => a.name.localeCompare(b.name) || a.teamId.localeCompare(b.teamId));
  }
}
