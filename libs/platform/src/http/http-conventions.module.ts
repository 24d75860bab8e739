import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ProblemDetailsFilter } from './problem-details.filter';
import { RequestIdInterceptor } from './request-id.interceptor';
import { PortalValidationPipe } from './validation.pipe';

/**
 * The HTTP conventions of the whole API, for every controller of the application: DTO
 * validation (PortalValidationPipe), errors as problem+json (ProblemDetailsFilter) and the
 * `x-request-id` header in and out. Import it once in the root module; importing it again
 * from a feature module changes nothing (Nest keeps one instance of a module).
 */
@Module({
  providers: [
    { provide: APP_PIPE, useClass: PortalValidationPipe },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_INTERCEPTOR, useClass: RequestIdInterceptor },
  ],
})
export class HttpConventionsModule {}
