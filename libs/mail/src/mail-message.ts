/** One plain-text email. There is no HTML part: what people typed is never interpreted as markup. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Sends email: SMTP when SMTP_URL is set, otherwise files under DATA_DIR/mail (the dev mailbox). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export const MAILER = Symbol('Mailer');
