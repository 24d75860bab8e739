import { Module } from '@nestjs/common';

/** The identity service: partner accounts and sessions. */
@Module({})
export class IdentityModule {}
