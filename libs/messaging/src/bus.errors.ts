/** The stable codes of the bus's errors: the contract with callers; messages may change. */
export type BusErrorCode =
  | 'BUS.INVALID_TOPIC'
  | 'BUS.INVALID_MESSAGE'
  | 'BUS.INVALID_SUBSCRIPTION'
  | 'BUS.INVALID_OPTIONS'
  | 'BUS.CLOSED'
  | 'BUS.UNAVAILABLE'
  | 'BUS.PUBLISH_FAILED'
  | 'BUS.SUBSCRIBE_FAILED';

/** An error of the bus port, with a stable code (`BUS.INVALID_TOPIC`, …) and safe details. */
export class BusError extends Error {
  constructor(
    readonly code: BusErrorCode,
    message: string,
    readonly details: Readonly<Record<string, string | number>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BusError';
  }
}

export const isBusError = (error: unknown, code?: BusErrorCode): error is BusError =>
  error instanceof BusError && (code === undefined || error.code === code);
