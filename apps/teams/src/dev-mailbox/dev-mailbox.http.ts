import { Controller, Get, Header } from '@nestjs/common';
import { FileMailer, type StoredMail } from '../mail/file-mailer';

const LIMIT = 100;

/**
 * The dev mailbox: the mail the portal wrote to `<DATA_DIR>/mail`, newest first. Registered
 * only in embedded mode (no SMTP_URL), where nothing is really sent.
 */
@Controller('api/v1/dev/mailbox')
export class DevMailboxHttp {
  constructor(private readonly mailer: FileMailer) {}

  @Get()
  @Header('cache-control', 'no-store')
  async list(): Promise<{ messages: StoredMail[] }> {
    return { messages: await this.mailer.list(LIMIT) };
  }
}
