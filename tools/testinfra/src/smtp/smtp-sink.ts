import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { RunningServer } from '../types';
import { parseMail } from './mail-parse';
import { MailStore } from './mail-store';
import { createSinkApi } from './smtp-sink-api';

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
const MAX_MESSAGES_KEPT = 1000;

type SmtpError = Error & { responseCode: number };

/** The message's bytes, up to the size limit (smtp-server flags a larger one as sizeExceeded). */
function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_MESSAGE_BYTES) chunks.push(chunk);
    });
    stream.once('error', reject);
    stream.once('end', () => resolve(Buffer.concat(chunks)));
  });
}

async function receive(stream: SMTPServerDataStream, session: SMTPServerSession, store: MailStore): Promise<void> {
  const raw = (await readAll(stream)).toString('utf8');
  if (stream.sizeExceeded) {
    const error: SmtpError = Object.assign(new Error(`message exceeds ${MAX_MESSAGE_BYTES} bytes`), {
      responseCode: 552,
    });
    throw error;
  }
  const { mailFrom, rcptTo } = session.envelope;
  store.add({
    from: mailFrom ? mailFrom.address : null,
    to: rcptTo.map((rcpt) => rcpt.address),
    raw,
    ...parseMail(raw),
  });
}

function listen(server: Server | SMTPServer): Promise<number> {
  return new Promise((resolve, reject) => {
    const net = server.listen(0, '127.0.0.1', () => resolve((net.address() as AddressInfo).port));
    net.once('error', reject);
  });
}

/**
 * An SMTP server in this process that accepts any message (no auth, no TLS) and keeps it in
 * memory, with a small HTTP API to read the messages back.
 */
export async function startSmtpSink(): Promise<RunningServer> {
  const store = new MailStore(MAX_MESSAGES_KEPT);
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    closeTimeout: 2000,
    onData: (stream, session, callback) => {
      receive(stream, session, store).then(() => callback(), callback);
    },
  });
  const api = createSinkApi(store);
  const [smtpPort, apiPort] = await Promise.all([listen(smtp), listen(api)]);
  return {
    env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SMTP_SINK_API: `http://127.0.0.1:${apiPort}` },
    stop: async () => {
      api.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(resolve)),
        new Promise<void>((resolve, reject) => api.close((error) => (error ? reject(error) : resolve()))),
      ]);
    },
  };
}
