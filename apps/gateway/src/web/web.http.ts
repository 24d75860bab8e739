import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@portal/platform';

/** Serves the dashboard's entry page (HTML, not part of the API document). */
@ApiExcludeController()
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
