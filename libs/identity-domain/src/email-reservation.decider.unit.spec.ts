import { deciderSpecification } from '@portal/event-sourcing/domain';
import { emailReservationDecider, emailReservationStreams, type EmailReserved } from './email-reservation.decider';

const spec = deciderSpecification(emailReservationDecider);
const NOW = '2026-11-20T10:00:00.000Z';
const reserved: EmailReserved = { type: 'EmailReserved', data: { userId: 'user-1', reservedAt: NOW } };

describe('reserving an email', () => {
  it('a free email is reserved for the account', () => {
    spec.given([]).when({ type: 'ReserveEmail', userId: 'user-1', now: NOW }).then([reserved]);
  });

  it('an email reserved by another account is refused', () => {
    spec
      .given([reserved])
      .when({ type: 'ReserveEmail', userId: 'user-2', now: NOW })
      .thenThrows('IDENTITY.EMAIL_ALREADY_RESERVED');
  });

  it('reserving again for the same account changes nothing', () => {
    spec.given([reserved]).when({ type: 'ReserveEmail', userId: 'user-1', now: NOW }).thenNothingHappens();
  });

  it('lives in the stream email-<key>', () => {
    expect(emailReservationStreams.streamName('ab12')).toBe('email-ab12');
  });
});
