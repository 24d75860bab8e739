import { logLevel, type logCreator } from 'kafkajs';
import type { BusLogger, LogContext } from '../bus-logger';

/** Fields of kafkajs log entries that identify things; anything else (payloads, configs) is dropped. */
const KEPT_FIELDS = ['broker', 'clientId', 'groupId', 'memberId', 'topic', 'partition', 'retryCount', 'retryTime'];

function safeContext(namespace: string, entry: Readonly<Record<string, unknown>>): LogContext {
  const context: Record<string, string | number | boolean> = { kafka: namespace };
  for (const field of KEPT_FIELDS) {
    const value = entry[field];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') context[field] = value;
  }
  const error = entry.error;
  if (typeof error === 'string') context.error = error;
  else if (error instanceof Error) context.error = error.message;
  return context;
}

/**
 * kafkajs logs every error response of a broker at error level, including the retriable ones
 * it handles itself (a group rebalancing, a coordinator moving or loading). Those are
 * warnings here; failures that matter reach the bus as crashes or rejected calls.
 */
const isHandledResponse = (namespace: string, message: string): boolean =>
  namespace === 'Connection' && message.startsWith('Response ');

/**
 * Routes kafkajs's own logging into the bus logger: errors and warnings as such, info as
 * debug. Only identifying fields are kept: no message bodies, no SASL or SSL settings.
 */
export function kafkaLogCreator(logger: BusLogger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, ...entry } = log;
      const context = safeContext(namespace, entry);
      const text = `kafkajs: ${String(message)}`;
      if (level === logLevel.ERROR && !isHandledResponse(namespace, String(message))) logger.error(text, context);
      else if (level === logLevel.ERROR || level === logLevel.WARN) logger.warn(text, context);
      else logger.debug(text, context);
    };
}
