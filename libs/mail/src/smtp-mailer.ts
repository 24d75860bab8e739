import { createTransport, type Transporter } from 'nodemailer';
import type { Mailer, MailMessage } from './mail-message';

/** Sends over SMTP (`SMTP_URL`, e.g. smtp://user:password@host:587), as plain text only. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: URL,
    private readonly from: string,
  ) {
    this.transport = createTransport(smtpUrl.href);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
