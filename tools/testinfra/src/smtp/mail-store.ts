/** A message as the sink's HTTP API returns it. */
export interface ReceivedMail {
  /** Increasing number, in order of arrival. */
  id: number;
  receivedAt: string;
  /** Envelope sender (MAIL FROM); null for the empty reverse path. */
  from: string | null;
  /** Envelope recipients (RCPT TO). */
  to: string[];
  subject: string;
  text: string;
  /** The whole RFC 822 message as received. */
  raw: string;
}

/** Received messages in memory, oldest first; the oldest are dropped beyond `limit`. */
export class MailStore {
  private readonly messages: ReceivedMail[] = [];
  private nextId = 1;

  constructor(private readonly limit: number) {}

  add(mail: Omit<ReceivedMail, 'id' | 'receivedAt'>): ReceivedMail {
    const received = { id: this.nextId++, receivedAt: new Date().toISOString(), ...mail };
    this.messages.push(received);
    if (this.messages.length > this.limit) this.messages.splice(0, this.messages.length - this.limit);
    return received;
  }

  list(): readonly ReceivedMail[] {
    return this.messages;
  }

  clear(): void {
    this.messages.length = 0;
  }
}
