import { runService } from '@portal/platform';
import { teamsService } from './teams.definition';

void runService(teamsService);
