import { BusError } from './bus.errors';

/**
 * The portal's topics. Domain events go to `portal.<domain>.events`, keyed by stream id;
 * per-request usage records to `portal.usage.requests`. Each has a dead-letter topic
 * `<topic>.dlq` that receives the messages a subscriber could not handle.
 */
const DOMAIN_NAME = /^[a-z][a-z0-9-]{0,62}$/;
const SOURCE_TOPIC = /^portal\.[a-z][a-z0-9-]{0,62}\.events$|^portal\.usage\.requests$/;

export const DEAD_LETTER_SUFFIX = '.dlq';
export const USAGE_REQUESTS_TOPIC = 'portal.usage.requests';

/** `portal.<domain>.events`; the domain is lower-case letters, digits and hyphens. */
export function domainEventsTopic(domain: string): string {
  if (!DOMAIN_NAME.test(domain)) {
    throw new BusError(
      'BUS.INVALID_TOPIC',
      `Domain name ${JSON.stringify(domain)} must be lower-case letters, digits and hyphens, starting with a letter`,
      { domain },
    );
  }
  return `portal.${domain}.events`;
}

export const TOPICS = {
  identityEvents: domainEventsTopic('identity'),
  teamsEvents: domainEventsTopic('teams'),
  keysEvents: domainEventsTopic('keys'),
  usageRequests: USAGE_REQUESTS_TOPIC,
} as const;

export const isDeadLetterTopic = (topic: string): boolean =>
  topic.endsWith(DEAD_LETTER_SUFFIX) && SOURCE_TOPIC.test(topic.slice(0, -DEAD_LETTER_SUFFIX.length));

export const isValidTopic = (topic: string): boolean => SOURCE_TOPIC.test(topic) || isDeadLetterTopic(topic);

/** Throws BUS.INVALID_TOPIC unless the name is one of the portal's topics or their `.dlq`. */
export function assertValidTopic(topic: string): void {
  if (typeof topic === 'string' && isValidTopic(topic)) return;
  throw new BusError(
    'BUS.INVALID_TOPIC',
    `Topic ${JSON.stringify(topic)} is not a portal topic: expected portal.<domain>.events or ` +
      `${USAGE_REQUESTS_TOPIC}, optionally followed by ${DEAD_LETTER_SUFFIX}`,
    { topic: String(topic) },
  );
}

/** The dead-letter topic of a source topic: `portal.teams.events` -> `portal.teams.events.dlq`. */
export function deadLetterTopic(topic: string): string {
  assertValidTopic(topic);
  if (isDeadLetterTopic(topic)) {
    throw new BusError('BUS.INVALID_TOPIC', `${topic} is a dead-letter topic; it has no dead-letter topic of its own`, {
      topic,
    });
  }
  return `${topic}${DEAD_LETTER_SUFFIX}`;
}
