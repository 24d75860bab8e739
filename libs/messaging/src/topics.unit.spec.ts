import { thrownBy } from './contract/bus-fixtures.contract';
import {
  assertValidTopic,
  deadLetterTopic,
  domainEventsTopic,
  isDeadLetterTopic,
  isValidTopic,
  TOPICS,
  USAGE_REQUESTS_TOPIC,
} from './topics';

describe('topic names', () => {
  it('names domain event topics portal.<domain>.events', () => {
    expect(domainEventsTopic('teams')).toBe('portal.teams.events');
    expect(TOPICS).toEqual({
      identityEvents: 'portal.identity.events',
      teamsEvents: 'portal.teams.events',
      keysEvents: 'portal.keys.events',
      usageRequests: 'portal.usage.requests',
    });
  });

  it.each(['Teams', '1teams', 'team.s', 'team_s', '', 'a'.repeat(64)])('refuses the domain name %j', (domain) => {
    expect(thrownBy(() => domainEventsTopic(domain))).toMatchObject({ code: 'BUS.INVALID_TOPIC' });
  });

  it.each(['portal.teams.events', 'portal.api-keys.events', USAGE_REQUESTS_TOPIC, 'portal.keys.events.dlq'])(
    'accepts %s',
    (topic) => expect(() => assertValidTopic(topic)).not.toThrow(),
  );

  it.each([
    'teams',
    'portal.teams',
    'portal.teams.events.dlq.dlq',
    'portal.usage.requests.extra',
    'portal.usage.events.requests',
    'other.teams.events',
    'portal.teams.events ',
  ])('refuses %j with BUS.INVALID_TOPIC and says what is expected', (topic) => {
    expect(isValidTopic(topic)).toBe(false);
    expect(thrownBy(() => assertValidTopic(topic))).toMatchObject({
      code: 'BUS.INVALID_TOPIC',
      message: expect.stringMatching(/expected portal\.<domain>\.events or portal\.usage\.requests/) as unknown,
    });
  });

  it('derives the dead-letter topic, which has none of its own', () => {
    expect(deadLetterTopic('portal.teams.events')).toBe('portal.teams.events.dlq');
    expect(deadLetterTopic(USAGE_REQUESTS_TOPIC)).toBe('portal.usage.requests.dlq');
    expect(isDeadLetterTopic('portal.teams.events.dlq')).toBe(true);
    expect(isDeadLetterTopic('portal.teams.events')).toBe(false);
    expect(thrownBy(() => deadLetterTopic('portal.teams.events.dlq'))).toMatchObject({ code: 'BUS.INVALID_TOPIC' });
  });
});
