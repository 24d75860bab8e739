import { uuidv7 } from './uuid-v7';

const FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('UUID v7', () => {
  it('has the version 7 and RFC 9562 variant bits', () => {
    for (let i = 0; i < 100; i += 1) expect(uuidv7()).toMatch(FORMAT);
  });

  // Times lie in the future: ids made earlier in this process never get ahead of them.
  it('starts with the time in milliseconds', () => {
    const at = new Date('2040-06-01T12:34:56.789Z');
    const id = uuidv7(at);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at.getTime());
  });

  it('sorts in creation order, also within one millisecond', () => {
    const at = new Date('2041-01-01T00:00:00.000Z');
    const ids = Array.from({ length: 5000 }, () => uuidv7(at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(5000);
  });

  it('stays increasing when the clock goes back', () => {
    const later = uuidv7(new Date('2050-01-01T00:00:00.000Z'));
    const earlier = uuidv7(new Date('2020-01-01T00:00:00.000Z'));
    expect(earlier > later).toBe(true);
  });
});
