import { Controller, Get, Header } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@portal/platform';

/** Serves the dashboard's entry page. */
@Controller()
export class WebHttp {
  private readonly indexHtml = readFileSync(path.join(repoRoot(), 'apps/web/public/index.html'), 'utf8');

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-cache')
  index(): string {
    return this.indexHtml;
  }
}
