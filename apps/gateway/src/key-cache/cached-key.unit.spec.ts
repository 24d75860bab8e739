import type { ExistingApiKey } from '@portal/keys-domain';
import { isUsable } from '@portal/keys-domain';
import { cachedKeyOf } from './cached-key';

const base = {
  keyId: 'key-1',
  teamId: 'team-1',
  name: 'n',
  description: '',
  environment: 'production',
  secretHash: 'a'.repeat(64),
  hint: 'h',
  createdAt: '2026-01-01T00:00:00.000Z',
  limits: { allowlist: ['203.0.113.0/24'] },
  rolledFrom: null,
} as const;

const keys: Record<string, ExistingApiKey> = {
  'never expires': { ...base, status: 'active', expiresAt: null, roll: null },
  expires: { ...base, status: 'active', expiresAt: '2026-02-01T00:00:00.000Z', roll: null },
  'in a roll grace ending first': {
    ...base,
    status: 'active',
    expiresAt: '2026-03-01T00:00:00.000Z',
    roll: { replacementKeyId: 'key-2', graceEndsAt: '2026-02-01T00:00:00.000Z' },
  },
  revoked: { ...base, status: 'revoked', revokedAt: 'x', expiresAt: null, roll: null },
};

describe('cachedKeyOf', () => {
  it.each(Object.entries(keys))('agrees with isUsable at every moment for a key that %s', (_case, key) => {
    const view = cachedKeyOf({ key, revision: 0 });
    for (const at of [
      '2026-01-15T00:00:00.000Z',
      '2026-01-31T23:59:59.999Z',
      '2026-02-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ]) {
      expect(Date.parse(at) < view.usableUntil).toBe(isUsable(key, at));
    }
  });

  it('parses the allowlist once', () => {
    const view = cachedKeyOf({ key: keys['never expires']!, revision: 0 });

    expect(view.allowlist).toHaveLength(1);
    expect(view.allowlist?.[0]?.prefixLength).toBe(24);
  });
});
