import { parentPort, workerData } from 'node:worker_threads';
import {
  type BusLogger,
  isBusError,
  type LogContext,
  type MessageBus,
  openMessageBus,
  type OutgoingMessage,
} from '@portal/messaging';
import type { PublishThreadSettings, ThreadError, ThreadReply, ThreadRequest } from './publish-thread';

/*
 * The publishing thread (PublishThread): a Kafka client of its own, publishing what the service
 * hands it, one publish at a time, in the order handed, each answered with its outcome.
 */

const port = parentPort;
if (port === null) throw new Error('publish-thread.worker runs as a worker thread only');
const settings = workerData as PublishThreadSettings;

const reply = (message: ThreadReply): void => port.postMessage(message);

/** A level of the bus's logger, forwarded to the service's logger. */
const forwarded =
  (level: keyof BusLogger) =>
  (message: string, context?: LogContext): void =>
    reply({ kind: 'log', level, message, context });

const logger: BusLogger = {
  error: forwarded('error'),
  warn: forwarded('warn'),
  info: forwarded('info'),
  debug: forwarded('debug'),
};

const threadError = (error: unknown): ThreadError => ({
  code: isBusError(error) ? error.code : null,
  message: error instanceof Error ? error.message : String(error),
});

/** A Buffer crosses between threads as a plain Uint8Array: a Buffer again, without a copy. */
function asSent(message: OutgoingMessage): OutgoingMessage {
  const value: Buffer | string | Uint8Array = message.value;
  if (typeof value === 'string' || Buffer.isBuffer(value)) return message;
  return { ...message, value: Buffer.from(value.buffer, value.byteOffset, value.byteLength) };
}

let bus: Promise<MessageBus> | null = null;
/** Publishes run one after another, in the order handed over. */
let queue: Promise<unknown> = Promise.resolve();

function connected(): Promise<MessageBus> {
  if (bus === null) {
    const connecting = openMessageBus(settings.bus, { clientId: settings.clientId, logger });
    // A failed connection is tried again by the next publish.
    connecting.catch(() => {
      if (bus === connecting) bus = null;
    });
    bus = connecting;
  }
  return bus;
}

port.on('message', (request: ThreadRequest) => {
  if (request.kind === 'publish') {
    queue = queue
      .then(() => connected())
      .then((kafka) => kafka.publish(request.topic, request.messages.map(asSent)))
      .then(
        () => reply({ kind: 'published', id: request.id }),
        (error: unknown) => reply({ kind: 'failed', id: request.id, error: threadError(error) }),
      );
    return;
  }
  queue = queue
    .then(() => bus)
    .then((kafka) => kafka?.close())
    .catch((error: unknown) => logger.warn('Kafka client did not close cleanly', { error: threadError(error).message }))
    // Nothing keeps the thread alive once its port is closed: it ends.
    .then(() => port.close());
});
