import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ServiceConfig } from '@portal/config';
import type { ExpiryWarning } from '@portal/keys-domain';
import { MAILER, type Mailer } from '@portal/mail';
import { SERVICE_CONFIG } from '@portal/platform';
import { READ_MODEL_STORE, type ReadModelStore } from '@portal/read-models';
import type { ApiKeyDoc } from '../api-keys/api-keys.read-model';
import { KeyCommands } from '../shared/key-commands';
import { schedulerEventMetadata } from '../shared/key-event-metadata';
import { keyTeamMembersReadModel, keyTeamsReadModel } from '../team-members/key-team-members.read-models';
import { expiryWarningEmail, teamKeysLink } from './expiry-warning-email';

/**
 * Warns a team's Owners and Admins that a key expires soon. The warning is recorded in the
 * key's stream first (ApiKeyExpiryWarningSent): only the scheduler whose append succeeds mails
 * it, so a warning goes out once even with several schedulers, restarts or replays. Mail
 * that the server refuses is logged; it is not sent again.
 */
@Injectable()
export class ExpiryWarningNotifier {
  private readonly logger = new Logger('KeyExpiryWarnings');

  constructor(
    private readonly keys: KeyCommands,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** Records and mails the warning; false when it had been recorded already (nothing is mailed). */
  async warn(doc: ApiKeyDoc, warning: ExpiryWarning, now: Date, runId: string): Promise<boolean> {
    const managers = await (
      await this.store.collection(keyTeamMembersReadModel)
    ).find({ teamId: doc.teamId, role: { $in: ['owner', 'admin'] } }, { sort: { userId: 1 } });
    const command = {
      type: 'RecordExpiryWarning' as const,
      keyId: doc.keyId,
      warning,
      recipients: managers.map((manager) => manager.userId),
    };
    const { events } = await this.keys.run(command, schedulerEventMetadata(doc.teamId, runId), now);
    if (events.length === 0) return false;
    const team = await (await this.store.collection(keyTeamsReadModel)).get(doc.teamId);
    const { key } = doc;
    for (const manager of managers) {
      const mail = expiryWarningEmail({
        to: manager.email,
        teamName: team?.name ?? 'your team',
        keyName: key.name,
        hint: key.hint,
        environment: key.environment,
        expiresAt: key.expiresAt ?? '',
        warning,
        link: teamKeysLink(this.config.PUBLIC_URL, doc.teamId),
      });
      await this.mailer.send(mail).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        this.logger.warn(`${warning} expiry warning of key ${doc.keyId} not emailed to ${manager.userId}: ${reason}`);
      });
    }
    return true;
  }
}
