import { Module } from '@nestjs/common';

/** The teams service: teams, members, roles and invitations. */
@Module({})
export class TeamsModule {}
