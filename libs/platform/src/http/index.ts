export { SESSION_AUTHENTICATOR, type AuthenticatedUser, type SessionAuthenticator } from './authenticated-user';
export { CsrfError, RequestValidationError, UnauthenticatedError } from './http-errors';
export { HttpConventionsModule } from './http-conventions.module';
export {
  isFieldProblemList,
  PROBLEM_CONTENT_TYPE,
  problemType,
  type FieldProblem,
  type ProblemDetails,
} from './problem-details';
export { failureLogLine } from './failure-log';
export { ProblemDetailsFilter } from './problem-details.filter';
export { sendProblem, writeProblem, type ProblemAnswer } from './problem-reply';
export { statusOfCode, titleOfStatus } from './problem-status';
export { pathIdOf } from './path-ids';
export { clientOf, requestEventMetadata, type RequestClient } from './request-event-metadata';
export { newRequestId, REQUEST_ID_HEADER, requestIdOf } from './request-id';
export { RequestIdInterceptor } from './request-id.interceptor';
export { CurrentUser, SessionGuard } from './session.guard';
export { PortalValidationPipe } from './validation.pipe';
export { AuthUnavailableError, RemoteSessionAuthenticator } from './remote-session.authenticator';
export { RemoteSessionModule } from './remote-session.module';
export { assertSameOrigin } from './same-origin';
export {
  ApiProblems,
  ApiRequestedWith,
  ApiSession,
  ApiUuidParams,
  CSRF_SCHEME,
  FieldProblemSchema,
  ProblemDetailsSchema,
  SESSION_SCHEME,
} from './openapi';
export { OPENAPI_JSON_PATH, OPENAPI_TITLE, OPENAPI_UI_PATH, serveOpenApi } from './openapi-document';
