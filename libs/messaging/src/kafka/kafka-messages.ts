import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { DeliveredMessage } from '../bus.port';
import type { EncodedMessage } from '../delivery/message-validation';

export const toKafkaMessage = ({ key, value, headers }: EncodedMessage): Message => ({
  key,
  value,
  headers: { ...headers },
});

/** Header values as text; a header repeated by a foreign producer keeps its last value. */
function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw.at(-1) : raw;
    if (value !== undefined) decoded[name] = Buffer.isBuffer(value) ? value.toString('utf8') : value;
  }
  return decoded;
}

export function fromKafkaMessage(topic: string, partition: number, message: KafkaMessage, attempt: number) {
  const delivered: DeliveredMessage = {
    topic,
    key: message.key?.toString('utf8') ?? '',
    value: message.value ?? Buffer.alloc(0),
    headers: decodeHeaders(message.headers),
    partition,
    offset: message.offset,
    publishedAt: new Date(Number(message.timestamp)),
    attempt,
  };
  return delivered;
}

/** The offset to commit once a message is done: the one after it. */
export const offsetAfter = (offset: string): string => (BigInt(offset) + 1n).toString();
