import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatcher } from 'undici';
import { REQUEST_ID_HEADER } from '@portal/platform';
import type { Upstream } from './upstreams';
import { hasBody, responseHeadersOf } from './upstream-request';

/** Why a call could not be forwarded: the upstream is unreachable (502) or too slow (504). */
export type UpstreamFailure = 'unreachable' | 'timeout';

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

export const upstreamFailureOf = (error: unknown): UpstreamFailure => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TIMEOUT_CODES.has(code) ? 'timeout' : 'unreachable';
};

/** The reason a call to the upstream is given up when its caller has left. */
const CALLER_LEFT = new Error('the caller left');

/**
 * Relays one upstream answer to the caller as undici hands it over: the status and headers as
 * soon as they arrive, then each chunk of the body written straight to the caller's response,
 * the upstream read paused while the caller's side is full. No stream or pipe per answer: with
 * undici's `request` and a pipe, the answer's stream and its listeners made up much of what a
 * call allocated, and kept its objects alive long enough to be copied by the young-generation
 * collector.
 *
 * An upstream body that fails midway ends the caller's connection (the status is already sent);
 * a caller that leaves first makes the relay give up the upstream call.
 */
class AnswerRelay implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | null = null;
  /** Whether the outcome is told: the answer has begun, or the call failed before it did. */
  private settled = false;
  private ended = false;

  constructor(
    private readonly response: ServerResponse,
    private readonly requestId: string,
    private readonly settle: (failure: UpstreamFailure | null) => void,
  ) {}

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.response.destroyed) return controller.abort(CALLER_LEFT);
    // Emitted once: `on`, without the wrapper `once` would make.
    this.response.on('close', this.callerClosed);
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    // All headers in one object, none set on the response before: Node then writes them as they
    // are, where headers set beforehand make it store and check each one again.
    const answerHeaders = responseHeadersOf(headers);
    answerHeaders[REQUEST_ID_HEADER] = this.requestId;
    try {
      this.response.writeHead(statusCode, answerHeaders);
    } catch (error) {
      // Headers Node refuses to send (invalid characters): the upstream's answer cannot be relayed.
      this.tell('unreachable');
      return controller.abort(error instanceof Error ? error : new Error(String(error)));
    }
    this.tell(null);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (!this.response.write(chunk)) {
      controller.pause();
      this.response.once('drain', () => controller.resume());
    }
  }

  onResponseEnd(): void {
    this.ended = true;
    this.response.end();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.ended = true;
    if (this.settled) {
      // Midway (or the caller left): the caller's connection is ended, the status being sent.
      this.response.destroy();
      return;
    }
    this.tell(upstreamFailureOf(error));
  }

  private tell(failure: UpstreamFailure | null): void {
    if (this.settled) return;
    this.settled = true;
    this.settle(failure);
  }

  private readonly callerClosed = (): void => {
    if (!this.ended) this.controller?.abort(CALLER_LEFT);
  };
}

/**
 * Sends the call to the upstream on a pooled keep-alive connection, streaming the request body
 * from the caller and the answer back (AnswerRelay), with the upstream's status and headers
 * (hop-by-hop removed) and the call's request id in `x-request-id`. Resolves to null once the
 * answer is on its way, or to the failure when no answer came; nothing has been sent to the
 * caller then.
 */
export function forwardCall(
  upstream: Upstream,
  path: string,
  headers: Record<string, string | string[]>,
  request: IncomingMessage,
  response: ServerResponse,
  requestId: string,
): Promise<UpstreamFailure | null> {
  return new Promise((settle) => {
    upstream.pool.dispatch(
      {
        path,
        method: request.method as Dispatcher.HttpMethod,
        headers,
        body: hasBody(request.headers) ? request : null,
      },
      new AnswerRelay(response, requestId, settle),
    );
  });
}
