import { assertValidStreamName, InvalidStreamNameError, parseStreamName, streamCategory } from './stream-name';

describe('stream names', () => {
  const teams = streamCategory('team');

  it('are made as <category>-<id> by one helper per aggregate', () => {
    expect(teams.streamName('0190c7a4-1b2c-7d3e-8f40-123456789abc')).toBe('team-0190c7a4-1b2c-7d3e-8f40-123456789abc');
    expect(teams.idOf('team-0190c7a4-1b2c')).toBe('0190c7a4-1b2c');
  });

  it('split at the first dash, so ids may contain dashes', () => {
    expect(parseStreamName('apikey-a-b-c')).toEqual({ category: 'apikey', id: 'a-b-c' });
  });

  it('refuse a stream of another category', () => {
    expect(() => teams.idOf('apikey-1')).toThrow(/belongs to the category "apikey", not "team"/);
  });

  it('refuse a category that is not lowercase letters and digits', () => {
    for (const category of ['Team', 'api_key', '1team', '', 'tëam']) {
      expect(() => streamCategory(category)).toThrow(InvalidStreamNameError);
    }
  });

  it('refuse ids that are empty, carry whitespace or control characters, or are too long', () => {
    expect(() => teams.streamName('')).toThrow(/id .* is empty/);
    expect(() => teams.streamName('a\tb')).toThrow(/whitespace or control/);
    expect(() => teams.streamName('a\u200bb')).toThrow(/whitespace or control/);
    expect(() => teams.streamName('x'.repeat(196))).toThrow(/limit is 200/);
    expect(teams.streamName('x'.repeat(195))).toHaveLength(200);
  });

  it('carry a stable code and name the stream', () => {
    try {
      assertValidStreamName('Team-1');
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toMatchObject({ code: 'EVENT_STORE.INVALID_STREAM_NAME', streamName: 'Team-1' });
      expect((error as Error).message).toMatch(/^Invalid stream name "Team-1": the category "Team"/);
    }
  });

  it('refuse values that are not strings', () => {
    expect(() => assertValidStreamName(42)).toThrow(/must be a string, not number/);
  });
});
