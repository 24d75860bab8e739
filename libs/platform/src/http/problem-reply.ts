import type { FastifyReply } from 'fastify';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, problemType } from './problem-details';
import { titleOfStatus } from './problem-status';
import { REQUEST_ID_HEADER } from './request-id';

/** An error answer before the request id is added: its status, stable code and words for people. */
export interface ProblemAnswer {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors?: ProblemDetails['errors'];
}

/**
 * Answers with the problem as `application/problem+json`, never cached, with the request id in
 * the body and in `x-request-id`. The one way every error of the portal is sent: by the
 * exception filter of the Nest routes and by the gateway's own partner routes.
 */
export function sendProblem(reply: FastifyReply, problem: ProblemAnswer, requestId: string): FastifyReply {
  const body: ProblemDetails = {
    type: problemType(problem.code),
    title: titleOfStatus(problem.status),
    status: problem.status,
    detail: problem.detail,
    code: problem.code,
    requestId,
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
  return reply
    .code(problem.status)
    .header(REQUEST_ID_HEADER, requestId)
    .header('cache-control', 'no-store')
    .header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
    .send(JSON.stringify(body));
}
