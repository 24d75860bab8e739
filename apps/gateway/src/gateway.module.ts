import { type DynamicModule, Module } from '@nestjs/common';
import { DEFAULT_GATEWAY_TUNING, GATEWAY_TUNING, type GatewayTuning } from './gateway-tuning';
import { KeyCacheService } from './key-cache/key-cache.service';
import { CallLimiter } from './partner-api/call-limits';
import { PartnerApiRoutes } from './partner-api/partner-api.routes';
import { PartnerCalls } from './partner-api/partner-calls';
import { Upstreams } from './proxy/upstreams';
import { UsagePublisher } from './usage/usage-publisher';
import { VerifyKeyRoute } from './verify-key/verify-key.route';
import { WebHttp } from './web/web.http';

/**
 * The gateway service: the edge. Serves the dashboard, and the partner API: API key
 * verification against a cache kept from the bus, limits, metering, and the proxy to the
 * upstream Cr3dentials API. `forRoot` takes other timings for tests and benchmarks.
 */
@Module({})
export class GatewayModule {
  static forRoot(tuning: Partial<GatewayTuning> = {}): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [WebHttp],
      providers: [
        { provide: GATEWAY_TUNING, useValue: { ...DEFAULT_GATEWAY_TUNING, ...tuning } },
        KeyCacheService,
        CallLimiter,
        Upstreams,
        UsagePublisher,
        PartnerCalls,
        VerifyKeyRoute,
        PartnerApiRoutes,
      ],
      exports: [KeyCacheService, UsagePublisher],
    };
  }
}
