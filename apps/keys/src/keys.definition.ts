import { RemoteSessionModule, type ServiceDefinition } from '@portal/platform';
import { apiKeysProjection } from './api-keys/api-keys.projection';
import { KeysModule } from './keys.module';
import { keyTeamMembersProjection } from './team-members/key-team-members.projection';

export const keysService: ServiceDefinition = {
  service: 'keys',
  defaultPort: 3003,
  streamCategories: ['apikey'],
  projections: [apiKeysProjection, keyTeamMembersProjection],
  modules: (config) => [KeysModule.forRoot(config)],
  // Alone, keys asks the identity service (IDENTITY_URL) who a session belongs to.
  standaloneModules: () => [RemoteSessionModule],
};
