import { assertNever, type Decider, streamCategory } from '@portal/event-sourcing/domain';
import { decideChangeApiKeyLimits } from './api-key-limits.decide';
import {
  decideCreateApiKey,
  decideRenameApiKey,
  decideRevokeApiKey,
  decideRollApiKey,
} from './api-key-lifecycle.decide';
import { decideEndRollGrace, decideExpireApiKey, decideRecordExpiryWarning } from './api-key-schedule.decide';
import type { ApiKeyCommand } from './api-key.commands';
import type { ApiKeyEvent } from './api-key.events';
import { evolveApiKey, initialApiKeyState } from './api-key.evolve';
import type { ApiKeyState } from './api-key.state';

function decideApiKey(command: ApiKeyCommand, state: ApiKeyState): ApiKeyEvent[] {
  switch (command.type) {
    case 'CreateApiKey':
      return decideCreateApiKey(command, state);
    case 'RenameApiKey':
      return decideRenameApiKey(command, state);
    case 'RevokeApiKey':
      return decideRevokeApiKey(command, state);
    case 'RollApiKey':
      return decideRollApiKey(command, state);
    case 'ChangeApiKeyLimits':
      return decideChangeApiKeyLimits(command, state);
    case 'ExpireApiKey':
      return decideExpireApiKey(command, state);
    case 'EndRollGrace':
      return decideEndRollGrace(command, state);
    case 'RecordExpiryWarning':
      return decideRecordExpiryWarning(command, state);
    default:
      return assertNever(command, 'API key command');
  }
}

/** An API key: its details, limits and lifecycle (revoke, roll, expire). Stream `apikey-<keyId>`. */
export const apiKeyDecider: Decider<ApiKeyCommand, ApiKeyEvent, ApiKeyState> = {
  decide: decideApiKey,
  evolve: evolveApiKey,
  initialState: initialApiKeyState,
};

/** The stream of each API key: `apikey-<keyId>`. */
export const apiKeyStreams = streamCategory('apikey');
