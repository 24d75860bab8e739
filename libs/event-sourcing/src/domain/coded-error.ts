/**
 * An error with a stable, machine-readable code (`AREA.REASON`, e.g. `TEAM.LAST_OWNER`). The
 * code is the contract with callers and with the HTTP exception filter; the message is for
 * people and may change.
 */
export abstract class CodedError extends Error {
  abstract readonly code: string;

  constructor(
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * A business rule refused a command (`decide` throws it). Domains subclass it or create it
 * with their own code: `new DomainError('TEAM.LAST_OWNER', 'A team keeps at least one Owner')`.
 */
export class DomainError extends CodedError {
  constructor(
    readonly code: string,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message, details);
  }
}
