import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id';

/** Echoes the request id on every answer a controller gives (errors get it from the filter). */
@Injectable()
export class RequestIdInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const http = context.switchToHttp();
      const id = requestIdOf(http.getRequest<FastifyRequest>());
      void http.getResponse<FastifyReply>().header(REQUEST_ID_HEADER, id);
    }
    return next.handle();
  }
}
