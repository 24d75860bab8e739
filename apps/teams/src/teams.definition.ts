import type { ServiceDefinition } from '@portal/platform';
import { TeamsModule } from './teams.module';

export const teamsService: ServiceDefinition = {
  service: 'teams',
  defaultPort: 3002,
  streamCategories: ['team'],
  modules: () => [TeamsModule],
};
