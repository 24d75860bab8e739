import type { ServiceDefinition } from '@portal/platform';
import { KeysModule } from './keys.module';

export const keysService: ServiceDefinition = {
  service: 'keys',
  defaultPort: 3003,
  modules: () => [KeysModule],
};
