import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { CodedError } from '@portal/event-sourcing/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { failureLogLine } from './failure-log';
import { isFieldProblemList } from './problem-details';
import { type ProblemAnswer, sendProblem } from './problem-reply';
import { statusOfCode, titleOfStatus } from './problem-status';
import { requestIdOf } from './request-id';

/** What an error becomes on the wire, before the request id is added. */
interface Problem extends ProblemAnswer {
  readonly retryAfterSeconds?: number;
}

/** Fastify's own refusals of a request (unparsable body, unsupported content type, too large). */
interface FastifyClientError {
  readonly code: string;
  readonly statusCode: number;
}

const FASTIFY_CODES: Readonly<Record<string, { code: string; detail: string }>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    detail: 'The body must be JSON (content-type: application/json)',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'REQUEST.BODY_TOO_LARGE', detail: 'The body is too large' },
};

function isFastifyClientError(error: unknown): error is FastifyClientError {
  if (typeof error !== 'object' || error === null) return false;
  const { code, statusCode } = error as Partial<FastifyClientError>;
  return typeof code === 'string' && code.startsWith('FST_') && typeof statusCode === 'number' && statusCode < 500;
}

function codedProblem(error: CodedError): Problem {
  const { errors, retryAfterSeconds } = error.details;
  return {
    status: statusOfCode(error.code),
    code: error.code,
    detail: error.message,
    errors: isFieldProblemList(errors) ? errors : undefined,
    retryAfterSeconds: typeof retryAfterSeconds === 'number' ? retryAfterSeconds : undefined,
  };
}

function httpProblem(error: HttpException): Problem {
  const status = error.getStatus();
  const code = `HTTP.${titleOfStatus(status).toUpperCase().replace(/\W+/g, '_')}`;
  // Nest's own messages ("Cannot GET /x") quote only the method and path.
  return { status, code, detail: status === 404 ? 'No such resource' : titleOfStatus(status) };
}

function fastifyProblem(error: FastifyClientError): Problem {
  // Never echo the parser's message: it quotes the body, which may hold a password.
  const known = FASTIFY_CODES[error.code] ?? { code: 'REQUEST.MALFORMED_BODY', detail: 'The body is not valid JSON' };
  return { status: error.statusCode, ...known };
}

const INTERNAL: Problem = { status: 500, code: 'INTERNAL', detail: 'An unexpected error occurred' };

/**
 * Turns every error into an `application/problem+json` answer carrying the request id:
 * CodedErrors by their code (see problem-status.ts), validation errors with the fields,
 * Fastify's body errors as 400/413/415, anything else as a 500 that reveals nothing (and is
 * logged with the request id, the method and the path, never the body).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error; // message consumers handle their own failures
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const requestId = requestIdOf(request);
    const problem = this.problemOf(error);
    if (problem.status >= 500) this.logFailure(error, request, requestId);
    if (problem.retryAfterSeconds !== undefined) reply.header('retry-after', String(problem.retryAfterSeconds));
    void sendProblem(reply, problem, requestId);
  }

  private problemOf(error: unknown): Problem {
    if (error instanceof CodedError) return codedProblem(error);
    // Nest wraps Fastify's refusals (unparsable body, …) in an HttpException with the original as cause.
    const fastifyError = error instanceof HttpException ? error.cause : error;
    if (isFastifyClientError(fastifyError)) return fastifyProblem(fastifyError);
    if (error instanceof HttpException) return httpProblem(error);
    return INTERNAL;
  }

  private logFailure(error: unknown, request: FastifyRequest, requestId: string): void {
    this.logger.error(failureLogLine(requestId, request.method, request.url, error));
  }
}
