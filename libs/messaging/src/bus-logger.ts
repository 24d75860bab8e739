/** Context of a log line: identifiers and counts only, never message bodies or secrets. */
export type LogContext = Readonly<Record<string, string | number | boolean | undefined>>;

/** Where the bus reports what it does; Nest services adapt their Logger to it. */
export interface BusLogger {
  error(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  debug(message: string, context?: LogContext): void;
}

const line = (message: string, context?: LogContext): string =>
  context === undefined ? `[bus] ${message}` : `[bus] ${message} ${JSON.stringify(context)}`;

/** Warnings and errors to stderr; the default until a service passes its own logger. */
export const consoleBusLogger: BusLogger = {
  error: (message, context) => console.error(line(message, context)),
  warn: (message, context) => console.warn(line(message, context)),
  info: () => undefined,
  debug: () => undefined,
};

export const silentBusLogger: BusLogger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};

/** The message of an error as one short line, for logs and dead-letter headers. */
export function errorText(error: unknown, maxLength = 1000): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1)}…` : oneLine;
}
