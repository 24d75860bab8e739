import { createHash } from 'node:crypto';
import {
  encodeUsageRecords,
  KEY_LOOKUP,
  type KeyLookup,
  USAGE_RECORD_VERSION,
  type UsageRecord,
} from '@portal/contracts';
import { MESSAGE_BUS, type MessageBus, USAGE_REQUESTS_TOPIC } from '@portal/messaging';
import { portalService } from '../../apps/portal/src/portal.definition';
import { LastUsedRecorder } from '../../apps/keys/src/last-used/last-used.recorder';
import { KeyScheduler, type SchedulerRun } from '../../apps/keys/src/scheduler/key-scheduler';
import { KeysClock } from '../../apps/keys/src/shared/keys-clock';
import { ServiceTestApp } from '../support/service-test-app';
import { createTeam, join, teamOfThree } from '../teams/team-world';
import { type Answer, eventually, type Person, TeamsTestApp } from '../teams/teams-test-app';

export { createTeam, eventually, join, teamOfThree, type Answer, type Person };

export const keysUrl = (teamId: string, rest = ''): string => `/api/v1/teams/${teamId}/keys${rest}`;

/** SHA-256 hex of a key, as the portal stores it. */
export const hashOf = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** A key's shape, without writing one down: `cr3_live_` or `cr3_test_`, then 35 base62 characters. */
export const KEY_SHAPE = /^cr3_(live|test)_[0-9A-Za-z]{35}$/;

/** The listing fields every key answer has, and nothing that could be the key or its hash. */
export const KEY_ANSWER_FIELDS = [
  'keyId',
  'teamId',
  'name',
  'description',
  'environment',
  'hint',
  'status',
  'createdBy',
  'createdAt',
  'expiresAt',
  'lastUsedAt',
  'lastUsedNetwork',
  'limits',
  'rolledFrom',
  'roll',
  'revocation',
  'expiredAt',
].sort();

/**
 * The whole portal in this process (identity, teams, keys and their projections), on embedded
 * stores in a temporary folder unless `env` names other adapters; the keys service's clock can
 * be moved and its scheduler run on demand.
 */
export class KeysTestApp extends TeamsTestApp {
  private clockOffsetMs = 0;

  static override async start(env: Record<string, string> = {}): Promise<KeysTestApp> {
    const { app, dataDir } = await ServiceTestApp.boot(portalService, env);
    return new KeysTestApp(app, dataDir);
  }

  /** Moves the keys service's clock `ms` further into the future (from the real time). */
  moveKeysClock(ms: number): void {
    this.clockOffsetMs += ms;
    const offset = this.clockOffsetMs;
    jest.spyOn(this.app.get(KeysClock), 'now').mockImplementation(() => new Date(Date.now() + offset));
  }

  /** The keys service's time now. */
  keysNow(): Date {
    return this.app.get(KeysClock).now();
  }

  runScheduler(): Promise<SchedulerRun> {
    return this.app.get(KeyScheduler).runOnce();
  }

  keyLookup(): KeyLookup {
    return this.app.get<KeyLookup>(KEY_LOOKUP);
  }

  lastUsedRecorder(): LastUsedRecorder {
    return this.app.get(LastUsedRecorder);
  }

  /** Publishes usage records as the gateway does. */
  async publishUsage(records: readonly UsageRecord[]): Promise<void> {
    const bus = this.app.get<MessageBus>(MESSAGE_BUS);
    await bus.publish(
      USAGE_REQUESTS_TOPIC,
      records.map((record) => ({ key: record.keyId ?? 'unknown', value: encodeUsageRecords([record]) })),
    );
  }

  /** Creates a key as `by`; throws unless it answers 201. */
  async createKey(by: Person, teamId: string, body: Record<string, unknown> = {}): Promise<Answer> {
    const answer = await this.as(by, keysUrl(teamId), {
      body: { name: 'Checkout', environment: 'production', expiration: 'never', ...body },
    });
    if (answer.status !== 201) throw new Error(`create key answered ${answer.status}: ${answer.text}`);
    return answer;
  }

  /** A GET as `person` once it answers `status` (the keys service's read models follow a moment later). */
  eventuallyStatus(person: Person, url: string, status: number): Promise<Answer> {
    return eventually(async () => {
      const answer = await this.as(person, url);
      return answer.status === status ? answer : undefined;
    });
  }

  /** GET of one key once the api_keys read model shows it with `until` true. */
  keyOnceListed(person: Person, teamId: string, keyId: string, until: (key: Answer) => boolean = () => true) {
    return eventually(async () => {
      const answer = await this.as(person, keysUrl(teamId, `/${keyId}`));
      return answer.status === 200 && until(answer) ? answer : undefined;
    });
  }
}

/** A usage record of the gateway for `keyId`, at `at`, from `sourceIp`. */
export function usageRecord(keyId: string | null, at: Date, sourceIp = '203.0.113.7'): UsageRecord {
  return {
    version: USAGE_RECORD_VERSION,
    requestId: `req-${Math.random().toString(36).slice(2)}`,
    keyId,
    teamId: null,
    environment: 'production',
    at: at.toISOString(),
    method: 'GET',
    route: '/v1/credentials',
    status: 200,
    latencyMs: 12,
    sourceIp,
    outcome: 'forwarded',
  };
}

/** Waits until the keys service knows `person` as a member of the team (its own read model follows the teams' events). */
export function keysVisibleTo(app: KeysTestApp, person: Person, teamId: string): Promise<Answer> {
  return eventually(async () => {
    const answer = await app.as(person, keysUrl(teamId));
    return answer.status === 200 ? answer : undefined;
  });
}

/** A team with an Owner, an Admin and a Member the keys service knows, plus a signed-in stranger. */
export async function keysTeamOfThree(app: KeysTestApp) {
  const team = await teamOfThree(app);
  for (const person of [team.owner, team.admin, team.member]) await keysVisibleTo(app, person, team.teamId);
  return team;
}
