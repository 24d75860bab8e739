import { RemoteSessionModule, type ServiceDefinition } from '@portal/platform';
import { teamOverviewProjection } from './team-overview/team-overview.projection';
import { TeamsModule } from './teams.module';

export const teamsService: ServiceDefinition = {
  service: 'teams',
  defaultPort: 3002,
  streamCategories: ['team'],
  projections: [teamOverviewProjection],
  modules: (config) => [TeamsModule.forRoot(config)],
  // Alone, teams asks the identity service (IDENTITY_URL) who a session belongs to.
  standaloneModules: () => [RemoteSessionModule],
};
