import type { ServiceDefinition } from '@portal/platform';
import { auditService } from '../../audit/src/audit.definition';
import { gatewayService } from '../../gateway/src/gateway.definition';
import { identityService } from '../../identity/src/identity.definition';
import { keysService } from '../../keys/src/keys.definition';
import { teamsService } from '../../teams/src/teams.definition';
import { usageService } from '../../usage/src/usage.definition';

const services = [gatewayService, identityService, teamsService, keysService, usageService, auditService];

/**
 * The whole portal in one process: every service's modules side by side, on the adapters the
 * configuration selects (embedded stores by default). This is the composition root, the one
 * place allowed to import the services.
 */
export const portalService: ServiceDefinition = {
  service: 'portal',
  defaultPort: gatewayService.defaultPort,
  streamCategories: 'all',
  projections: services.flatMap((service) => service.projections ?? []),
  modules: (config) => services.flatMap((service) => service.modules(config)),
};
