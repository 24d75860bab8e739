import { Module } from '@nestjs/common';

/** The keys service: API keys: issue, revoke, roll, expire, limits. */
@Module({})
export class KeysModule {}
