import { BusError } from '../bus.errors';
import type { OutgoingMessage } from '../bus.port';

/** An outgoing message checked and converted to bytes, as adapters store or send it. */
export interface EncodedMessage {
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

const invalid = (index: number, problem: string): BusError =>
  new BusError('BUS.INVALID_MESSAGE', `Message ${index}: ${problem}`, { index });

function checkHeaders(index: number, headers: unknown): Readonly<Record<string, string>> {
  if (headers === undefined) return {};
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    throw invalid(index, 'headers must be an object of strings');
  }
  for (const [name, value] of Object.entries(headers)) {
    if (name.length === 0) throw invalid(index, 'header names must not be empty');
    if (typeof value !== 'string') throw invalid(index, `header ${JSON.stringify(name)} must be a string`);
  }
  return headers as Readonly<Record<string, string>>;
}

function encode(message: OutgoingMessage, index: number): EncodedMessage {
  if (typeof message !== 'object' || message === null) throw invalid(index, 'must be an object');
  if (typeof message.key !== 'string' || message.key.length === 0)
    throw invalid(index, 'key must be a non-empty string');
  const { value } = message;
  if (typeof value !== 'string' && !Buffer.isBuffer(value)) throw invalid(index, 'value must be a Buffer or a string');
  const headers = checkHeaders(index, message.headers);
  return { key: message.key, value: typeof value === 'string' ? Buffer.from(value, 'utf8') : value, headers };
}

/** Checks a batch to publish (BUS.INVALID_MESSAGE) and converts string values to UTF-8 bytes. */
export function encodeMessages(messages: readonly OutgoingMessage[]): EncodedMessage[] {
  if (!Array.isArray(messages)) {
    throw new BusError('BUS.INVALID_MESSAGE', 'publish takes an array of messages');
  }
  return messages.map(encode);
}
