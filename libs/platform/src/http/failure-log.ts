/**
 * The log line of an unexpected failure in answering a call: the request id, method and path
 * (never headers, query or body, which can carry secrets), then the error's stack.
 */
export function failureLogLine(
  requestId: string,
  method: string | undefined,
  url: string | undefined,
  error: unknown,
): string {
  const path = (url ?? '').split('?')[0] ?? '';
  const what = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `${requestId} ${method ?? ''} ${path} failed: ${what}`;
}
