import { base62Encode } from './base62';
import { formatKey, KEY_BODY_BYTES } from './key-format';
import { deciderSpecification } from '@portal/event-sourcing/domain';
import type { TeamRole } from '@portal/teams-domain';
import type { CreateApiKey } from './api-key.commands';
import { apiKeyDecider, apiKeyStreams } from './api-key.decider';
import {
  acting,
  created,
  expired,
  HASH,
  HINT,
  IN_30_DAYS,
  KEY,
  LATER,
  NOW,
  revoked,
  rolled,
  TEAM,
} from './api-key.fixtures';

const spec = deciderSpecification(apiKeyDecider);

const create = (overrides: Partial<CreateApiKey> = {}): CreateApiKey => ({
  type: 'CreateApiKey',
  ...acting('admin', NOW),
  actorId: 'admin-1',
  name: ' Checkout ',
  description: 'Checkout service',
  environment: 'production',
  expiresAt: IN_30_DAYS,
  secretHash: HASH,
  hint: HINT,
  ...overrides,
});

const revoke = (role: TeamRole, now = LATER, reason?: string) =>
  ({ type: 'RevokeApiKey', ...acting(role, now), ...(reason !== undefined && { reason }) }) as const;
const roll = (role: TeamRole, grace: 'none' | '1h' | '24h' | '7d', now = LATER) =>
  ({ type: 'RollApiKey', ...acting(role, now), replacementKeyId: 'key-2', grace }) as const;

describe('the stream', () => {
  it('is apikey-<keyId>', () => {
    expect(apiKeyStreams.streamName(KEY)).toBe('apikey-key-1');
  });
});

describe('creating a key', () => {
  it('an Admin or Owner creates it; only the hash and the hint are recorded', () => {
    spec.given([]).when(create()).then([created()]);
    spec
      .given([])
      .when(create({ actorRole: 'owner', actorId: 'owner-1', environment: 'development', hint: 'cr3_test_…Zz90' }))
      .then([
        {
          type: 'ApiKeyCreated',
          data: { ...created().data, environment: 'development', hint: 'cr3_test_…Zz90', createdBy: 'owner-1' },
        } as ReturnType<typeof created>,
      ]);
  });

  it('a Member cannot create a key', () => {
    spec
      .given([])
      .when(create({ actorRole: 'member', actorId: 'member-1' }))
      .thenThrows('KEY.FORBIDDEN');
  });

  it('a replacement records the key it replaces, and never-expiring keys have no expiry', () => {
    const replacement = create({ keyId: 'key-2', rolledFrom: KEY, expiresAt: null });
    spec
      .given([])
      .when(replacement)
      .then([
        {
          type: 'ApiKeyCreated',
          data: { ...created().data, keyId: 'key-2', rolledFrom: KEY, expiresAt: null },
        } as ReturnType<typeof created>,
      ]);
  });

  it('cannot create the same key twice', () => {
    spec.given([created()]).when(create()).thenThrows('KEY.ALREADY_EXISTS');
  });

  it('needs a name of 1 to 100 characters and a description of at most 500', () => {
    spec
      .given([])
      .when(create({ name: '  ' }))
      .thenThrows('KEY.INVALID_DETAILS');
    spec
      .given([])
      .when(create({ name: 'n'.repeat(101) }))
      .thenThrows('KEY.INVALID_DETAILS');
    spec
      .given([])
      .when(create({ description: 'd'.repeat(501) }))
      .thenThrows('KEY.INVALID_DETAILS');
    spec
      .given([])
      .when(create({ name: 'n'.repeat(100), description: 'd'.repeat(500) }))
      .then([
        {
          type: 'ApiKeyCreated',
          data: { ...created().data, name: 'n'.repeat(100), description: 'd'.repeat(500) },
        } as ReturnType<typeof created>,
      ]);
  });

  it('refuses anything but a SHA-256 hash, so a plaintext key can never be stored', () => {
    const key = formatKey('production', base62Encode(new Uint8Array(KEY_BODY_BYTES).fill(7)));
    spec
      .given([])
      .when(create({ secretHash: key }))
      .thenThrows('KEY.INVALID_SECRET');
    spec
      .given([])
      .when(create({ secretHash: HASH.toUpperCase() }))
      .thenThrows('KEY.INVALID_SECRET');
    spec
      .given([])
      .when(create({ hint: key }))
      .thenThrows('KEY.INVALID_SECRET');
  });

  it("refuses a hint of the other environment's key", () => {
    spec
      .given([])
      .when(create({ environment: 'development' }))
      .thenThrows('KEY.INVALID_SECRET');
  });

  it('refuses an expiry that is not in the future', () => {
    spec
      .given([])
      .when(create({ expiresAt: NOW }))
      .thenThrows('KEY.INVALID_EXPIRY');
  });

  it('refuses invalid limits', () => {
    spec
      .given([])
      .when(create({ limits: { rate: { perSecond: 0, burst: 1 } } }))
      .thenThrows('KEY.INVALID_LIMITS');
  });
});

describe('renaming a key', () => {
  const rename = (role: TeamRole, name?: string, description?: string) =>
    ({ type: 'RenameApiKey', ...acting(role), name, description }) as const;

  it('an Admin renames it or changes its description', () => {
    spec
      .given([created()])
      .when(rename('admin', 'Checkout v2'))
      .then([
        {
          type: 'ApiKeyRenamed',
          data: {
            keyId: KEY,
            teamId: TEAM,
            name: 'Checkout v2',
            description: 'Checkout service',
            renamedBy: 'admin-1',
            renamedAt: LATER,
          },
        },
      ]);
  });

  it('the same name and description change nothing', () => {
    spec.given([created()]).when(rename('owner', ' Checkout ')).thenNothingHappens();
  });

  it('a Member cannot rename; an empty name is refused', () => {
    spec.given([created()]).when(rename('member', 'X')).thenThrows('KEY.FORBIDDEN');
    spec.given([created()]).when(rename('admin', '')).thenThrows('KEY.INVALID_DETAILS');
  });
});

describe('revoking a key', () => {
  it('is immediate, and records the reason', () => {
    spec
      .given([created()])
      .when(revoke('owner', LATER, ' leaked in CI logs '))
      .then([
        {
          type: 'ApiKeyRevoked',
          data: {
            keyId: KEY,
            teamId: TEAM,
            cause: 'revoked',
            reason: 'leaked in CI logs',
            revokedBy: 'owner-1',
            revokedAt: LATER,
          },
        },
      ]);
  });

  it('revoking twice is refused', () => {
    spec.given([created(), revoked()]).when(revoke('admin')).thenThrows('KEY.ALREADY_REVOKED');
  });

  it('a Member cannot revoke', () => {
    spec.given([created()]).when(revoke('member')).thenThrows('KEY.FORBIDDEN');
  });

  it('another team, or a key that does not exist, is not found', () => {
    spec
      .given([created()])
      .when({ ...revoke('owner'), teamId: 'team-2' })
      .thenThrows('KEY.NOT_FOUND');
    spec.given([]).when(revoke('owner')).thenThrows('KEY.NOT_FOUND');
  });

  it('an expired key cannot be revoked', () => {
    spec.given([created(), expired()]).when(revoke('owner')).thenThrows('KEY.EXPIRED');
  });

  it('a rolled key can be revoked during its grace period, cutting it short', () => {
    spec
      .given([created(), rolled('2026-11-22T10:00:00.000Z')])
      .when(revoke('admin', '2026-11-21T12:00:00.000Z'))
      .then([
        {
          type: 'ApiKeyRevoked',
          data: {
            keyId: KEY,
            teamId: TEAM,
            cause: 'revoked',
            reason: null,
            revokedBy: 'admin-1',
            revokedAt: '2026-11-21T12:00:00.000Z',
          },
        },
      ]);
  });
});

describe('rolling a key', () => {
  it('without grace, the old key is revoked at once', () => {
    spec
      .given([created()])
      .when(roll('admin', 'none'))
      .then([
        rolled(null),
        {
          type: 'ApiKeyRevoked',
          data: { keyId: KEY, teamId: TEAM, cause: 'rolled', reason: null, revokedBy: 'admin-1', revokedAt: LATER },
        },
      ]);
  });

  it('with grace, the old key keeps working until the grace period ends', () => {
    spec
      .given([created()])
      .when(roll('admin', '1h'))
      .then([rolled('2026-11-21T11:00:00.000Z')]);
    spec
      .given([created()])
      .when(roll('admin', '24h'))
      .then([rolled('2026-11-22T10:00:00.000Z')]);
    spec
      .given([created()])
      .when(roll('admin', '7d'))
      .then([rolled('2026-11-28T10:00:00.000Z')]);
    const inGrace = [created(), rolled('2026-11-22T10:00:00.000Z')];
    const rename = { type: 'RenameApiKey', ...acting('admin', '2026-11-22T09:59:59.999Z'), name: 'Old' } as const;
    spec
      .given(inGrace)
      .when(rename)
      .then([
        {
          type: 'ApiKeyRenamed',
          data: {
            keyId: KEY,
            teamId: TEAM,
            name: 'Old',
            description: 'Checkout service',
            renamedBy: 'admin-1',
            renamedAt: '2026-11-22T09:59:59.999Z',
          },
        },
      ]);
    spec
      .given(inGrace)
      .when({ ...rename, now: '2026-11-22T10:00:00.000Z' })
      .thenThrows('KEY.ALREADY_REVOKED');
  });

  it('a key is rolled once', () => {
    spec
      .given([created(), rolled('2026-11-22T10:00:00.000Z')])
      .when(roll('owner', '1h', '2026-11-21T12:00:00.000Z'))
      .thenThrows('KEY.ALREADY_ROLLED');
  });

  it('a Member cannot roll; a revoked or expired key cannot be rolled', () => {
    spec.given([created()]).when(roll('member', 'none')).thenThrows('KEY.FORBIDDEN');
    spec.given([created(), revoked()]).when(roll('owner', 'none')).thenThrows('KEY.ALREADY_REVOKED');
    spec.given([created(), expired()]).when(roll('owner', 'none')).thenThrows('KEY.EXPIRED');
  });

  it('a key past its expiry time is expired even before the expiry is recorded', () => {
    spec
      .given([created()])
      .when(roll('owner', 'none', IN_30_DAYS))
      .thenThrows('KEY.EXPIRED');
  });
});
