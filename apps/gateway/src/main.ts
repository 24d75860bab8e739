import { runService } from '@portal/platform';
import { gatewayService } from './gateway.definition';
import { tuneRuntimeForPartnerCalls } from './runtime-tuning';

tuneRuntimeForPartnerCalls();
void runService(gatewayService);
