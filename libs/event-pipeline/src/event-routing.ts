import { parseStreamName } from '@portal/event-sourcing';
import { domainEventsTopic } from '@portal/messaging';

/**
 * Which domain's topic carries the events of each stream category, e.g. `{ team: 'teams',
 * apikey: 'keys' }`. A category not listed goes to a topic named after itself, so that no
 * event is ever left behind for want of a route.
 */
export type CategoryDomains = Readonly<Record<string, string>>;

export function topicOfStream(streamId: string, domains: CategoryDomains): string {
  const { category } = parseStreamName(streamId);
  return domainEventsTopic(domains[category] ?? category);
}
