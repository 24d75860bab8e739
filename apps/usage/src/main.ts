import { runService } from '@portal/platform';
import { usageService } from './usage.definition';

void runService(usageService);
