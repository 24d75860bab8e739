import { Global, Module } from '@nestjs/common';
import { KEY_LOOKUP } from '@portal/contracts';
import { InternalKeyLookupHttp } from './internal-key-lookup.http';
import { InternalTokenGuard } from './internal-token.guard';
import { ReadModelKeyLookup } from './read-model-key-lookup';

/**
 * Binds KEY_LOOKUP to the api_keys read model. Global, so that a gateway module in the same
 * process (the one-process portal) injects KEY_LOOKUP without importing the keys service; a
 * gateway running alone reaches the same answers over the internal routes.
 */
@Global()
@Module({
  controllers: [InternalKeyLookupHttp],
  providers: [ReadModelKeyLookup, InternalTokenGuard, { provide: KEY_LOOKUP, useExisting: ReadModelKeyLookup }],
  exports: [KEY_LOOKUP],
})
export class KeyLookupModule {}
