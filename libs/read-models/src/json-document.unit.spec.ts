import { canonicalJson, toJsonObject, toJsonValue } from './json-document';
import { InvalidReadModelArgumentError } from './read-model.errors';

describe('JSON documents', () => {
  it('writes canonical JSON: keys sorted at every depth, arrays in order, no whitespace', () => {
    const value = { b: 1, a: { d: [3, { z: null, y: 'ü' }], c: true } };
    expect(canonicalJson(value)).toBe('{"a":{"c":true,"d":[3,{"y":"ü","z":null}]},"b":1}');
    expect(canonicalJson({ a: { c: true, d: [3, { y: 'ü', z: null }] }, b: 1 })).toBe(canonicalJson(value));
  });

  it('copies a document deeply, without properties set to undefined', () => {
    const original = { a: 1, b: undefined, c: { d: undefined, e: [1, 'x'] } };
    const copy = toJsonObject(original, 'doc');
    expect(copy).toEqual({ a: 1, c: { e: [1, 'x'] } });
    expect(Object.keys(copy)).toEqual(['a', 'c']);
    expect(copy.c).not.toBe(original.c);
  });

  it.each([
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['a class instance', new (class Point {})()],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a bigint', 1n],
    ['a function', () => 1],
    ['undefined in an array', [undefined]],
    ['a lone surrogate', '\uDC00'],
    ['a key starting with $', { $where: 1 }],
  ])('refuses %s', (_, value) => {
    expect(() => toJsonValue({ value }, 'doc')).toThrow(InvalidReadModelArgumentError);
  });

  it('accepts objects without a prototype and strings with surrogate pairs', () => {
    const bare = Object.assign(Object.create(null) as object, { emoji: '😀' });
    expect(toJsonObject(bare, 'doc')).toEqual({ emoji: '😀' });
  });

  it('refuses a document that is not an object', () => {
    expect(() => toJsonObject([1], 'doc')).toThrow(InvalidReadModelArgumentError);
    expect(() => toJsonObject('x', 'doc')).toThrow(InvalidReadModelArgumentError);
  });
});
