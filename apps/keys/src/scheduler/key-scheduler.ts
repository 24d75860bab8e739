import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CodedError, uuidv7 } from '@portal/event-sourcing';
import { EXPIRING_SOON_MS, expiryWarningsDue, isUsable } from '@portal/keys-domain';
import { READ_MODEL_STORE, type ReadModelStore } from '@portal/read-models';
import { type ApiKeyDoc, apiKeysReadModel } from '../api-keys/api-keys.read-model';
import { type KeyCommandInput, KeyCommands } from '../shared/key-commands';
import { schedulerEventMetadata } from '../shared/key-event-metadata';
import { KeysClock } from '../shared/keys-clock';
import { ExpiryWarningNotifier } from './expiry-warning.notifier';
import { KEY_SCHEDULER_SETTINGS, type KeySchedulerSettings } from './key-scheduler.settings';

/** What one run did, for logs and tests. */
export interface SchedulerRun {
  /** Keys recorded as expired, rolled keys revoked, warnings recorded and mailed. */
  readonly expired: number;
  readonly gracesEnded: number;
  readonly warningsSent: number;
  /** Commands that failed; they are tried again on the next run. */
  readonly failed: number;
}

/**
 * Records what time alone decides about keys: ExpireApiKey once a key's expiry time has come,
 * EndRollGrace once a rolled key's grace period is over, and the 7-day and 1-day expiry
 * warnings. It runs every `intervalMs` on an unref'd timer (it never keeps the process alive)
 * and stops on shutdown. It finds work in the api_keys read model; every command decides on the
 * key's own stream, so a stale read model, a second scheduler or a retry changes nothing twice.
 */
@Injectable()
export class KeyScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('KeyScheduler');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SchedulerRun> | null = null;

  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(KEY_SCHEDULER_SETTINGS) private readonly settings: KeySchedulerSettings,
    private readonly keys: KeyCommands,
    private readonly warnings: ExpiryWarningNotifier,
    private readonly clock: KeysClock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.runOnce().catch((error: unknown) => {
        this.logger.warn(`run failed, tried again in ${this.settings.intervalMs} ms: ${String(error)}`);
      });
    }, this.settings.intervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One run now; a run already under way is awaited instead of starting a second. */
  runOnce(): Promise<SchedulerRun> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<SchedulerRun> {
    const now = this.clock.now();
    const at = now.toISOString();
    const runId = uuidv7(now);
    const keys = await this.store.collection(apiKeysReadModel);
    const expiring = await keys.find({ status: 'active', expiresAt: { $lte: at } });
    const graceOver = await keys.find({ status: 'active', graceEndsAt: { $lte: at } });
    const soon = new Date(now.getTime() + EXPIRING_SOON_MS).toISOString();
    const warnable = await keys.find({ status: 'active', expiresAt: { $gt: at, $lte: soon } });
    const tally = { expired: 0, gracesEnded: 0, warningsSent: 0, failed: 0 };
    const attempt = async (what: keyof typeof tally, doc: ApiKeyDoc, work: () => Promise<boolean>) => {
      try {
        if (await work()) tally[what] += 1;
      } catch (error) {
        tally.failed += 1;
        const reason =
          error instanceof CodedError ? error.code : error instanceof Error ? error.message : String(error);
        this.logger.warn(`${what} of key ${doc.keyId} failed: ${reason}`);
      }
    };
    const recorded = async (command: KeyCommandInput, doc: ApiKeyDoc) =>
      (await this.keys.run(command, schedulerEventMetadata(doc.teamId, runId), now)).events.length > 0;
    for (const doc of expiring) {
      await attempt('expired', doc, () => recorded({ type: 'ExpireApiKey', keyId: doc.keyId }, doc));
    }
    for (const doc of graceOver) {
      await attempt('gracesEnded', doc, () => recorded({ type: 'EndRollGrace', keyId: doc.keyId }, doc));
    }
    for (const doc of warnable.filter((candidate) => isUsable(candidate.key, at))) {
      for (const warning of expiryWarningsDue(doc.expiresAt, at, doc.key.expiryWarningsSent ?? [])) {
        await attempt('warningsSent', doc, () => this.warnings.warn(doc, warning, now, runId));
      }
    }
    if (tally.failed > 0) this.logger.warn(`run ${runId} at ${at}: ${JSON.stringify(tally)}`);
    return tally;
  }
}
