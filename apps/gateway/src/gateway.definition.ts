import type { ServiceDefinition } from '@portal/platform';
import { GatewayModule } from './gateway.module';

export const gatewayService: ServiceDefinition = {
  service: 'gateway',
  defaultPort: 3000,
  modules: () => [GatewayModule],
};
