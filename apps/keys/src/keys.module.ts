import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceConfig } from '@portal/config';
import { MailModule } from '@portal/mail';
import { ChangeKeyLimitsHttp } from './change-key-limits/change-key-limits.http';
import { CreateKeyHandler } from './create-key/create-key.handler';
import { CreateKeyHttp } from './create-key/create-key.http';
import { KeyLookupModule } from './key-lookup/key-lookup.module';
import { LastUsedRecorder } from './last-used/last-used.recorder';
import { KeysQuery } from './list-keys/keys.query';
import { ListKeysHttp } from './list-keys/list-keys.http';
import { RenameKeyHttp } from './rename-key/rename-key.http';
import { RevokeKeyHttp } from './revoke-key/revoke-key.http';
import { RollKeyHandler } from './roll-key/roll-key.handler';
import { RollKeyHttp } from './roll-key/roll-key.http';
import { ExpiryWarningNotifier } from './scheduler/expiry-warning.notifier';
import { KeyScheduler } from './scheduler/key-scheduler';
import { DEFAULT_KEY_SCHEDULER_SETTINGS, KEY_SCHEDULER_SETTINGS } from './scheduler/key-scheduler.settings';
import { KeyAnswers } from './shared/key-answers';
import { KeyChanges } from './shared/key-changes';
import { KeyCommands } from './shared/key-commands';
import { KeyTeamAccess } from './shared/key-team-access';
import { KeysClock } from './shared/keys-clock';
import { ViewKeyHttp } from './view-key/view-key.http';

/**
 * The keys service: a team's API keys under /api/v1/teams/:teamId/keys (create, list, view,
 * rename, revoke, roll, limits), guarded by SessionGuard like teams; KEY_LOOKUP and its
 * internal routes for the gateway; last-used times from the gateway's usage records; and the
 * scheduler that expires keys, ends roll grace periods and sends expiry warnings.
 */
@Module({})
export class KeysModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: KeysModule,
      imports: [MailModule.forRoot(config), KeyLookupModule],
      controllers: [
        CreateKeyHttp,
        ListKeysHttp,
        ViewKeyHttp,
        RenameKeyHttp,
        RevokeKeyHttp,
        RollKeyHttp,
        ChangeKeyLimitsHttp,
      ],
      providers: [
        KeysClock,
        KeyCommands,
        KeyAnswers,
        KeyTeamAccess,
        KeyChanges,
        KeysQuery,
        CreateKeyHandler,
        RollKeyHandler,
        LastUsedRecorder,
        ExpiryWarningNotifier,
        KeyScheduler,
        { provide: KEY_SCHEDULER_SETTINGS, useValue: DEFAULT_KEY_SCHEDULER_SETTINGS },
      ],
    };
  }
}
