import { Global, Module } from '@nestjs/common';
import { KEY_LOOKUP } from '@portal/contracts';
import { HttpKeyLookup } from './http-key-lookup';

/**
 * Binds KEY_LOOKUP to the keys service over HTTP, for a gateway running in a process of its
 * own (gatewayService.standaloneModules, only when INTERNAL_TOKEN is set). In the one-process
 * portal the keys service binds KEY_LOOKUP in process instead.
 */
@Global()
@Module({
  providers: [HttpKeyLookup, { provide: KEY_LOOKUP, useExisting: HttpKeyLookup }],
  exports: [KEY_LOOKUP],
})
export class HttpKeyLookupModule {}
