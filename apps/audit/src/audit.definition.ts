import type { ServiceDefinition } from '@portal/platform';
import { AuditModule } from './audit.module';

export const auditService: ServiceDefinition = {
  service: 'audit',
  defaultPort: 3005,
  modules: () => [AuditModule],
};
