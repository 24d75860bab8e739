import { Module } from '@nestjs/common';
import { WebHttp } from './web/web.http';

/**
 * The gateway service: the edge. Portal API routing, partner API key verification,
 * metering, proxy to the upstream API; serves the dashboard.
 */
@Module({ controllers: [WebHttp] })
export class GatewayModule {}
