import type { Transporter } from 'nodemailer';
import type { Mailer, MailMessage } from './mail-message';

/**
 * Sends over SMTP (`SMTP_URL`, e.g. smtp://user:password@host:587), as plain text only. `open`
 * loads the SMTP driver, so that a process without SMTP never loads it.
 */
export class SmtpMailer implements Mailer {
  private constructor(
    private readonly transport: Transporter,
    private readonly from: string,
  ) {}

  static async open(smtpUrl: URL, from: string): Promise<SmtpMailer> {
    const { createTransport } = await import('nodemailer');
    return new SmtpMailer(createTransport(smtpUrl.href), from);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
