import type { ServiceDefinition } from '@portal/platform';
import { UsageModule } from './usage.module';

export const usageService: ServiceDefinition = {
  service: 'usage',
  defaultPort: 3004,
  modules: () => [UsageModule],
};
