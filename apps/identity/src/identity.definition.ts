import type { ServiceDefinition } from '@portal/platform';
import { IdentityModule } from './identity.module';

export const identityService: ServiceDefinition = {
  service: 'identity',
  defaultPort: 3001,
  streamCategories: ['account', 'email'],
  modules: () => [IdentityModule],
};
