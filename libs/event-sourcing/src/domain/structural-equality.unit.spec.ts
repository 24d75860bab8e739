import { structurallyEqual } from './structural-equality';

describe('structural equality', () => {
  it.each([
    [
      { a: 1, b: [1, { c: 'x' }] },
      { b: [1, { c: 'x' }], a: 1 },
    ],
    [new Date('2025-01-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z')],
    [new Map([['k', { v: 1 }]]), new Map([['k', { v: 1 }]])],
    [new Set([1, 2]), new Set([2, 1])],
    [Number.NaN, Number.NaN],
  ])('holds for %p and %p', (a, b) => expect(structurallyEqual(a, b)).toBe(true));

  it.each([
    [{ a: 1 }, { a: 1, b: undefined }],
    [
      [1, 2],
      [2, 1],
    ],
    [{ a: '1' }, { a: 1 }],
    [new Date(0), new Date(1)],
    [null, {}],
    [[], {}],
  ])('does not hold for %p and %p', (a, b) => expect(structurallyEqual(a, b)).toBe(false));
});
