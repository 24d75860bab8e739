import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiHeader,
  ApiParam,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiSchema,
  ApiSecurity,
  getSchemaPath,
} from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { titleOfStatus } from './problem-status';

/** The security scheme of the session cookie (`portal_session`, set by sign-in). */
export const SESSION_SCHEME = 'session';
/** The security scheme of the session's CSRF token, sent as `x-csrf-token` on unsafe methods. */
export const CSRF_SCHEME = 'csrf';

/** One invalid field of a request, as the OpenAPI document describes it. */
@ApiSchema({ name: 'FieldProblem' })
export class FieldProblemSchema {
  @ApiProperty({ type: String, description: 'The path of the field in the body', example: 'email' })
  readonly field!: string;

  @ApiProperty({ type: String, description: 'Why the value was refused', example: 'email must be an email address' })
  readonly message!: string;
}

/** The body of every error answer (RFC 9457), as the OpenAPI document describes it. */
@ApiSchema({ name: 'ProblemDetails', description: 'RFC 9457 problem details, served as application/problem+json' })
export class ProblemDetailsSchema {
  @ApiProperty({ type: String, description: 'The problem type URI', example: 'urn:cr3:problem:request.validation' })
  readonly type!: string;

  @ApiProperty({ type: String, description: 'Follows the status', example: 'Bad Request' })
  readonly title!: string;

  @ApiProperty({ type: Number, format: 'int32', minimum: 400, maximum: 599, example: 400 })
  readonly status!: number;

  @ApiProperty({ type: String, description: 'For people', example: 'The request has an invalid field' })
  readonly detail!: string;

  @ApiProperty({ type: String, description: 'The stable contract', example: 'REQUEST.VALIDATION' })
  readonly code!: string;

  @ApiProperty({
    type: String,
    description: 'Also in the x-request-id header',
    example: '0b9d3c1e-5f7a-4c2b-9e1d-3a4b5c6d7e8f',
  })
  readonly requestId!: string;

  @ApiPropertyOptional({ type: () => [FieldProblemSchema], description: 'Each invalid field (400 REQUEST.VALIDATION)' })
  readonly errors?: FieldProblemSchema[];
}

/** Documents the error answers of an endpoint, each an `application/problem+json` ProblemDetails. */
export const ApiProblems = (...statuses: number[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiExtraModels(ProblemDetailsSchema, FieldProblemSchema),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: titleOfStatus(status),
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsSchema) } } },
      }),
    ),
  );

/**
 * Documents an endpoint behind SessionGuard: the session cookie, and for POST, PUT, PATCH and
 * DELETE (`unsafe`) the CSRF token too (both required at once); 401 without a session, 403
 * without the token.
 */
export const ApiSession = (options: { unsafe: boolean }): MethodDecorator & ClassDecorator =>
  options.unsafe
    ? applyDecorators(ApiSecurity({ [SESSION_SCHEME]: [], [CSRF_SCHEME]: [] }), ApiProblems(401, 403))
    : applyDecorators(ApiSecurity(SESSION_SCHEME), ApiProblems(401));

/** Documents the `x-requested-with` header that sign-up and sign-in require (login CSRF); 403 without it. */
export const ApiRequestedWith = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiHeader({
      name: 'x-requested-with',
      required: true,
      description: 'Any non-empty value; proves the request is not a cross-site form',
      schema: { type: 'string', minLength: 1, example: 'XMLHttpRequest' },
    }),
    ApiProblems(403),
  );

/** Documents path parameters that are UUIDs (`:teamId`, `:userId`, …). */
export const ApiUuidParams = (...names: string[]): MethodDecorator & ClassDecorator =>
  applyDecorators(...names.map((name) => ApiParam({ name, type: String, format: 'uuid' })));
