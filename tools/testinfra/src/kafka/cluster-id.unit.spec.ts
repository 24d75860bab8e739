import { clusterId } from './kafka-node';

describe('KRaft cluster ids', () => {
  it('are 22 URL-safe base64 characters that never start with "-" (the storage tool would take them for an option)', () => {
    // One random id in 64 starts with '-': among 5,000 draws, an unguarded generator shows one
    // with a probability of 1 - (63/64)^5000, all but certainly.
    const ids = Array.from({ length: 5_000 }, clusterId);
    expect(ids.every((id) => /^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
