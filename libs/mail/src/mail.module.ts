import path from 'node:path';
import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceConfig } from '@portal/config';
import { DevMailboxHttp } from './dev-mailbox.http';
import { FileMailer } from './file-mailer';
import { MAILER } from './mail-message';
import { SmtpMailer } from './smtp-mailer';

/** One module per configuration: services composed in one process share its mailer and its routes. */
const modules = new WeakMap<ServiceConfig, DynamicModule>();

function mailModule(config: ServiceConfig): DynamicModule {
  const from = config.MAIL_FROM;
  const smtpUrl = config.SMTP_URL;
  if (smtpUrl !== undefined) {
    return {
      module: MailModule,
      providers: [{ provide: MAILER, useFactory: () => SmtpMailer.open(smtpUrl, from) }],
      exports: [MAILER],
    };
  }
  const files = new FileMailer(path.resolve(config.DATA_DIR, 'mail'), from);
  return {
    module: MailModule,
    controllers: [DevMailboxHttp],
    providers: [
      { provide: FileMailer, useValue: files },
      { provide: MAILER, useValue: files },
    ],
    exports: [MAILER],
  };
}

/**
 * Binds MAILER: SMTP when `SMTP_URL` is set; otherwise the file mailer under
 * `<DATA_DIR>/mail`, with the dev mailbox endpoint (`GET /api/v1/dev/mailbox`) to read it.
 * The dev mailbox exists only in that case.
 *
 * `forRoot` answers the same module for the same configuration, so that every service of the
 * one-process portal that sends mail (teams, keys) imports one instance: Nest identifies
 * dynamic modules by reference, and the dev mailbox route is registered once.
 */
@Module({})
export class MailModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    const known = modules.get(config);
    if (known !== undefined) return known;
    const created = mailModule(config);
    modules.set(config, created);
    return created;
  }
}
