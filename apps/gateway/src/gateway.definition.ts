import type { ServiceDefinition } from '@portal/platform';
import type { GatewayTuning } from './gateway-tuning';
import { GatewayModule } from './gateway.module';
import { HttpKeyLookupModule } from './key-lookup/http-key-lookup.module';

/**
 * The gateway service with the given timings (the defaults unless a test or benchmark says
 * otherwise). Running alone it asks the keys service over HTTP to confirm keys, which needs
 * INTERNAL_TOKEN; without it the gateway follows the bus only and says so at start.
 */
export const gatewayDefinition = (tuning: Partial<GatewayTuning> = {}): ServiceDefinition => ({
  service: 'gateway',
  defaultPort: 3000,
  modules: () => [GatewayModule.forRoot(tuning)],
  standaloneModules: (config) => (config.INTERNAL_TOKEN === undefined ? [] : [HttpKeyLookupModule]),
});

export const gatewayService: ServiceDefinition = gatewayDefinition();
