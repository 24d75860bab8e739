import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { RequestValidationError } from './http-errors';
import type { FieldProblem } from './problem-details';

function fieldProblems(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent === '' ? error.property : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

const isPlainObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The portal's validation of request DTOs (class-validator): unknown fields are refused,
 * values are transformed into the DTO class, no implicit type conversion. Every problem
 * becomes a RequestValidationError naming the field (HTTP 400); a body that is not a JSON
 * object is refused as a whole (field `body`).
 */
export class PortalValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new RequestValidationError(fieldProblems(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && typeof metadata.metatype === 'function' && !isPlainObject(value)) {
      throw new RequestValidationError([{ field: 'body', message: 'the body must be a JSON object' }]);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}
