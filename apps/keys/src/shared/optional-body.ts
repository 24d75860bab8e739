import { type ArgumentMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { PortalValidationPipe } from '@portal/platform';
import type { FastifyRequest } from 'fastify';

/** Validates an optional body as the portal validates bodies; no body at all counts as `{}`. */
class OptionalBodyPipe extends PortalValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    return super.transform(value ?? {}, { ...metadata, type: 'body' });
  }
}

const requestBody = createParamDecorator(
  (_data: unknown, context: ExecutionContext): unknown => context.switchToHttp().getRequest<FastifyRequest>().body,
);

/**
 * The body of a request whose fields are all optional (e.g. a revocation reason): a request
 * may come without one. Otherwise validated like `@Body()`: unknown fields refused, 400 per field.
 */
export const OptionalBody = (): ParameterDecorator => requestBody(new OptionalBodyPipe());
