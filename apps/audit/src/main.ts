import { runService } from '@portal/platform';
import { auditService } from './audit.definition';

void runService(auditService);
