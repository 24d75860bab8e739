import { deciderSpecification } from '@portal/event-sourcing/domain';
import { apiKeyDecider } from './api-key.decider';
import { created, expired, IN_30_DAYS, KEY, LATER, revoked, rolled, TEAM } from './api-key.fixtures';

const spec = deciderSpecification(apiKeyDecider);

describe('what the scheduler records', () => {
  const expire = (now: string) => ({ type: 'ExpireApiKey', keyId: KEY, now }) as const;
  const endGrace = (now: string) => ({ type: 'EndRollGrace', keyId: KEY, now }) as const;

  it('a key expires at its expiry time, not before', () => {
    spec.given([created()]).when(expire('2026-12-20T10:05:00.000Z')).then([expired()]);
    spec.given([created()]).when(expire('2026-12-20T09:59:59.999Z')).thenThrows('KEY.NOT_DUE');
  });

  it('a key that never expires is never expired', () => {
    const never = { type: 'ApiKeyCreated', data: { ...created().data, expiresAt: null } } as ReturnType<typeof created>;
    spec.given([never]).when(expire('2030-01-01T00:00:00.000Z')).thenThrows('KEY.NOT_DUE');
  });

  it('expiring again, or a revoked key, changes nothing', () => {
    spec.given([created(), expired()]).when(expire(IN_30_DAYS)).thenNothingHappens();
    spec.given([created(), revoked()]).when(expire(IN_30_DAYS)).thenNothingHappens();
    spec.given([]).when(expire(IN_30_DAYS)).thenThrows('KEY.NOT_FOUND');
  });

  it('the end of a grace period revokes the rolled key, as of the end of the grace period', () => {
    const inGrace = [created(), rolled('2026-11-22T10:00:00.000Z')];
    spec
      .given(inGrace)
      .when(endGrace('2026-11-22T10:00:30.000Z'))
      .then([
        {
          type: 'ApiKeyRevoked',
          data: {
            keyId: KEY,
            teamId: TEAM,
            cause: 'rolled',
            reason: null,
            revokedBy: null,
            revokedAt: '2026-11-22T10:00:00.000Z',
          },
        },
      ]);
    spec.given(inGrace).when(endGrace('2026-11-22T09:00:00.000Z')).thenThrows('KEY.NOT_DUE');
    spec.given([created()]).when(endGrace(LATER)).thenThrows('KEY.NOT_DUE');
  });

  it('ending a grace period twice, or after a manual revocation, changes nothing', () => {
    spec
      .given([created(), rolled('2026-11-22T10:00:00.000Z'), revoked('2026-11-21T12:00:00.000Z')])
      .when(endGrace('2026-11-22T10:00:00.000Z'))
      .thenNothingHappens();
  });

  it('an expired key is not revoked, nor a revoked key expired, afterwards', () => {
    const graceBeyondExpiry = [created(), rolled('2026-12-27T10:00:00.000Z', '2026-12-20T09:00:00.000Z')];
    spec.given(graceBeyondExpiry).when(endGrace('2026-12-27T10:00:00.000Z')).thenNothingHappens();
    spec.given(graceBeyondExpiry).when(expire('2026-12-27T10:00:00.000Z')).then([expired()]);
  });
});
