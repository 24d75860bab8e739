import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiProperty } from '@nestjs/swagger';
import type { Mailer, MailMessage } from './mail-message';

/** A message as the dev mailbox keeps it: `<DATA_DIR>/mail/<time>-<id>.json`. */
export class StoredMail implements MailMessage {
  @ApiProperty({ type: String, format: 'uuid', example: '0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d' })
  readonly id!: string;

  @ApiProperty({ type: String, format: 'email', example: 'grace@example.com' })
  readonly to!: string;

  @ApiProperty({ type: String, format: 'email', example: 'grace@example.com' })
  readonly from!: string;

  @ApiProperty({ type: String, example: 'You are invited to Payments' })
  readonly subject!: string;

  @ApiProperty({ type: String, example: '…' })
  readonly text!: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2025-01-31T12:00:00.000Z' })
  readonly sentAt!: string;
}

const MAIL_FILE = /^\d{13}-[0-9a-f-]{36}\.json$/;

/**
 * The embedded mode's mail: each message is written to a file under `<DATA_DIR>/mail`, for
 * the dev mailbox to list. Nothing leaves the machine.
 */
export class FileMailer implements Mailer {
  constructor(
    private readonly folder: string,
    private readonly from: string,
  ) {}

  async send(message: MailMessage): Promise<void> {
    const sent = new Date();
    const mail: StoredMail = { id: randomUUID(), from: this.from, sentAt: sent.toISOString(), ...message };
    await mkdir(this.folder, { recursive: true });
    const file = path.join(this.folder, `${sent.getTime()}-${mail.id}.json`);
    await writeFile(file, `${JSON.stringify(mail, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  }

  /** The newest messages first, at most `limit`. */
  async list(limit: number): Promise<StoredMail[]> {
    const names = await readdir(this.folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    const newest = names
      .filter((name) => MAIL_FILE.test(name))
      .sort()
      .reverse()
      .slice(0, limit);
    const texts = await Promise.all(newest.map((name) => readFile(path.join(this.folder, name), 'utf8')));
    return texts.map((text) => JSON.parse(text) as StoredMail);
  }
}
