import { Module } from '@nestjs/common';

/** The usage service: request records, rollups, limits state, anomaly alerts, analytics. */
@Module({})
export class UsageModule {}
