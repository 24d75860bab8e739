/** One invalid field of a request: its path in the body (`email`, `address.city`) and why. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * The body of every error answer (RFC 9457, `application/problem+json`). `code` is the stable
 * contract (`IDENTITY.THROTTLED`); `title` follows the status; `detail` is for people.
 */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly requestId: string;
  readonly errors?: readonly FieldProblem[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The problem type URI of a code: `urn:cr3:problem:identity.throttled`. */
export const problemType = (code: string): string => `urn:cr3:problem:${code.toLowerCase()}`;

export function isFieldProblemList(value: unknown): value is FieldProblem[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item: unknown) =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as FieldProblem).field === 'string' &&
        typeof (item as FieldProblem).message === 'string',
    )
  );
}
