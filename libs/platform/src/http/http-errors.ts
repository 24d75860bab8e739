import { CodedError } from '@portal/event-sourcing/domain';
import type { FieldProblem } from './problem-details';

/** The request's fields broke the endpoint's schema (HTTP 400, naming each field). */
export class RequestValidationError extends CodedError {
  readonly code = 'REQUEST.VALIDATION';
  constructor(readonly errors: readonly FieldProblem[]) {
    super(`The request has ${errors.length === 1 ? 'an invalid field' : 'invalid fields'}`, { errors });
  }
}

/** No valid session came with the request (HTTP 401). */
export class UnauthenticatedError extends CodedError {
  readonly code = 'AUTH.UNAUTHENTICATED';
  constructor(message = 'Sign in to continue') {
    super(message);
  }
}

/** A state-changing browser request lacked proof that it came from the portal's own pages (HTTP 403). */
export class CsrfError extends CodedError {
  readonly code = 'AUTH.CSRF';
  constructor(message = 'The request was refused as a possible cross-site request forgery') {
    super(message);
  }
}
