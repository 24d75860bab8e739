import { runService } from '@portal/platform';
import { gatewayService } from './gateway.definition';

void runService(gatewayService);
