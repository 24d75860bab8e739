export { DevMailboxHttp, MailboxAnswer } from './dev-mailbox.http';
export { FileMailer, StoredMail } from './file-mailer';
export { MAILER, type Mailer, type MailMessage } from './mail-message';
export { MailUnavailableError } from './mail.errors';
export { MailModule } from './mail.module';
export { SmtpMailer } from './smtp-mailer';
