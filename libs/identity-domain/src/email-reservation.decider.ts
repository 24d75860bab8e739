import { assertNever, type Decider, type DomainEvent, streamCategory } from '@portal/event-sourcing/domain';
import { IdentityErrorCode, identityError } from './account.errors';

/*
 * One email, one account. Each email has a reservation stream, `email-<key>`, where the key
 * is a digest of the normalized email made by the handler (so the stream name holds no
 * address). The first account to reserve it wins: the append expects no stream, so two
 * concurrent sign-ups with one email cannot both succeed, whatever the event store.
 */

export interface ReserveEmail {
  readonly type: 'ReserveEmail';
  readonly userId: string;
  readonly now: string;
}

export type EmailReservationCommand = ReserveEmail;

/** Version 1. The email is not repeated here: the account's AccountRegistered holds it. */
export type EmailReserved = DomainEvent<'EmailReserved', { readonly userId: string; readonly reservedAt: string }>;

export type EmailReservationEvent = EmailReserved;

export type EmailReservationState =
  { readonly status: 'free' } | { readonly status: 'reserved'; readonly userId: string; readonly reservedAt: string };

function decideReservation(command: EmailReservationCommand, state: EmailReservationState): EmailReservationEvent[] {
  switch (command.type) {
    case 'ReserveEmail':
      if (state.status === 'reserved') {
        if (state.userId === command.userId) return [];
        throw identityError(IdentityErrorCode.EMAIL_ALREADY_RESERVED, 'This email belongs to another account');
      }
      return [{ type: 'EmailReserved', data: { userId: command.userId, reservedAt: command.now } }];
    default:
      return assertNever(command.type, 'email reservation command');
  }
}

function evolveReservation(_state: EmailReservationState, event: EmailReservationEvent): EmailReservationState {
  switch (event.type) {
    case 'EmailReserved':
      return { status: 'reserved', userId: event.data.userId, reservedAt: event.data.reservedAt };
    default:
      return assertNever(event.type, 'email reservation event');
  }
}

export const emailReservationDecider: Decider<EmailReservationCommand, EmailReservationEvent, EmailReservationState> = {
  decide: decideReservation,
  evolve: evolveReservation,
  initialState: () => ({ status: 'free' }),
};

/** The reservation stream of each email: `email-<digest of the normalized email>`. */
export const emailReservationStreams = streamCategory('email');
