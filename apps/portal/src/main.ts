import { runService } from '@portal/platform';
import { portalService } from './portal.definition';

void runService(portalService);
