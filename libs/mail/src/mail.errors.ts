import { CodedError } from '@portal/event-sourcing/domain';

/**
 * The email could not be handed to the mail server (HTTP 502). What it was about has been
 * recorded; the message says what the person can do (e.g. re-send an invitation).
 */
export class MailUnavailableError extends CodedError {
  readonly code = 'MAIL.UNAVAILABLE';
  constructor(message: string, details: Record<string, unknown>, cause: unknown) {
    super(message, details, { cause });
  }
}
