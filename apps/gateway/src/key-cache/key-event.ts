import { eventOfMessage } from '@portal/event-pipeline';
import { parseStreamName, type RecordedEvent } from '@portal/event-sourcing';
import { apiKeyStreams } from '@portal/keys-domain';
import type { DeliveredMessage } from '@portal/messaging';

/** A key event from the keys topic, with the key id its stream names. */
export interface KeyEventMessage {
  readonly keyId: string;
  readonly event: RecordedEvent;
}

/**
 * The key event a bus message carries, or null for an event of another stream category that
 * shares the topic. Throws MalformedEventMessageError when the message is not a recorded event.
 */
export function keyEventOf(message: DeliveredMessage): KeyEventMessage | null {
  const event = eventOfMessage(message);
  if (parseStreamName(event.streamId).category !== apiKeyStreams.category) return null;
  return { keyId: apiKeyStreams.idOf(event.streamId), event };
}
