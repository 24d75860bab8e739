import type { ServiceDefinition } from '@portal/platform';
import { KeysModule } from './keys.module';

export const keysService: ServiceDefinition = {
  service: 'keys',
  defaultPort: 3003,
  streamCategories: ['apikey'],
  modules: () => [KeysModule],
};
