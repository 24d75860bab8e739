export type * from './account.commands';
export type * from './account.events';
export type { AccountState, ActiveAccount } from './account.state';
export { accountDecider, accountStreams, MAX_DISPLAY_NAME_LENGTH } from './account.decider';
export { IdentityErrorCode } from './account.errors';
export { normalizeEmail } from './email-address';
export {
  emailReservationDecider,
  emailReservationStreams,
  type EmailReservationCommand,
  type EmailReservationEvent,
  type EmailReservationState,
  type EmailReserved,
  type ReserveEmail,
} from './email-reservation.decider';
export {
  explainPasswordProblem,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
  type CommonPasswords,
  type PasswordProblem,
} from './password-policy';
