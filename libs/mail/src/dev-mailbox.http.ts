import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { FileMailer, StoredMail } from './file-mailer';

/** What the dev mailbox answers. */
export class MailboxAnswer {
  @ApiProperty({ type: () => [StoredMail], description: 'Newest first, at most 100' })
  readonly messages!: StoredMail[];
}

const LIMIT = 100;

/**
 * The dev mailbox: the mail the portal wrote to `<DATA_DIR>/mail`, newest first. Registered
 * only in embedded mode (no SMTP_URL), where nothing is really sent.
 */
@ApiTags('dev')
@Controller('api/v1/dev/mailbox')
export class DevMailboxHttp {
  constructor(private readonly mailer: FileMailer) {}

  @Get()
  @ApiOperation({ summary: 'Dev mailbox', description: 'The mail written to DATA_DIR/mail; only without SMTP_URL.' })
  @ApiOkResponse({ type: MailboxAnswer })
  @Header('cache-control', 'no-store')
  async list(): Promise<MailboxAnswer> {
    return { messages: await this.mailer.list(LIMIT) };
  }
}
