import { createHash, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { ServiceConfig } from '@portal/config';
import { INTERNAL_TOKEN_HEADER } from '@portal/contracts';
import { SERVICE_CONFIG } from '@portal/platform';
import type { FastifyRequest } from 'fastify';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Lets a request through only when INTERNAL_TOKEN is configured and the request presents it in
 * `x-internal-token` (compared in constant time, over hashes so the lengths agree). Anything
 * else answers 404, as a route that does not exist would: outsiders learn nothing.
 */
@Injectable()
export class InternalTokenGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.expected = config.INTERNAL_TOKEN === undefined ? null : digest(config.INTERNAL_TOKEN);
  }

  canActivate(context: ExecutionContext): boolean {
    const offered = context.switchToHttp().getRequest<FastifyRequest>().headers[INTERNAL_TOKEN_HEADER];
    if (this.expected === null || typeof offered !== 'string' || offered === '') throw new NotFoundException();
    if (!timingSafeEqual(digest(offered), this.expected)) throw new NotFoundException();
    return true;
  }
}
