import { Module } from '@nestjs/common';

/** The audit service: audit history, event-log replay and integrity verification. */
@Module({})
export class AuditModule {}
