import { Controller, Get, Header, Inject, NotFoundException, Param, Query, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  KEY_LOOKUP,
  KEY_LOOKUP_PATH,
  type KeyLookup,
  type KeyRecord,
  type KeySnapshotPage,
  MAX_SNAPSHOT_PAGE,
} from '@portal/contracts';
import { RequestValidationError } from '@portal/platform';
import { InternalTokenGuard } from './internal-token.guard';

const MAX_AFTER_LENGTH = 200;

function pageLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return MAX_SNAPSHOT_PAGE;
  const limit = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(limit >= 1 && limit <= MAX_SNAPSHOT_PAGE)) {
    throw new RequestValidationError([{ field: 'limit', message: `limit must be 1 to ${MAX_SNAPSHOT_PAGE}` }]);
  }
  return limit;
}

function pageAfter(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  if (raw.length > MAX_AFTER_LENGTH) {
    throw new RequestValidationError([{ field: 'after', message: 'after must be a key id' }]);
  }
  return raw;
}

/**
 * The keys service's internal routes (KEY_LOOKUP_PATH) for a gateway running in a process of
 * its own: a key by the SHA-256 hash of its secret, and the snapshot of every key, page by
 * page. Both answer 404 unless INTERNAL_TOKEN is configured and presented. Not part of the
 * public OpenAPI document.
 */
@ApiExcludeController()
@Controller(KEY_LOOKUP_PATH.replace(/^\//, ''))
@UseGuards(InternalTokenGuard)
export class InternalKeyLookupHttp {
  constructor(@Inject(KEY_LOOKUP) private readonly lookup: KeyLookup) {}

  @Get('by-hash/:secretHash')
  @Header('cache-control', 'no-store')
  async byHash(@Param('secretHash') secretHash: string): Promise<KeyRecord> {
    const record = await this.lookup.findBySecretHash(secretHash);
    if (record === null) throw new NotFoundException();
    return record;
  }

  @Get()
  @Header('cache-control', 'no-store')
  async snapshot(@Query('after') after?: string, @Query('limit') limit?: string): Promise<KeySnapshotPage> {
    return this.lookup.snapshotPage(pageAfter(after), pageLimit(limit));
  }
}
