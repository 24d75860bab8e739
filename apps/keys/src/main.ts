import { runService } from '@portal/platform';
import { keysService } from './keys.definition';

void runService(keysService);
