import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { READ_MODEL_STORE, type ReadModelStore } from '@portal/read-models';
import { TEAM_ROLES, type TeamRole } from '@portal/teams-domain';
import { teamMembersReadModel, teamsReadModel } from '../team-overview/team-overview.read-models';

/** One of the caller's teams, with their role in it. */
export class MyTeam {
  @ApiProperty({ type: String, format: 'uuid', example: '0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d' })
  readonly teamId!: string;

  @ApiProperty({ type: String, example: 'Payments' })
  readonly name!: string;

  @ApiProperty({ type: String, example: 'The payments squad' })
  readonly description!: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2025-01-31T12:00:00.000Z' })
  readonly createdAt!: string;

  @ApiProperty({ type: Number, format: 'int32', minimum: 1, example: 3 })
  readonly memberCount!: number;

  @ApiProperty({ type: String, enum: TEAM_ROLES, example: 'admin' })
  readonly yourRole!: TeamRole;
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
