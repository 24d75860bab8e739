import { runService } from '@portal/platform';
import { identityService } from './identity.definition';

void runService(identityService);
