import type { JsonObject } from './json-document';
import { applyPatch, normalizePatch, type ReadModelPatch } from './read-model-patch';
import { InvalidReadModelArgumentError, ReadModelPatchNotApplicableError } from './read-model.errors';

const target = { collection: 'members', id: 'm-1' };
const apply = (doc: JsonObject, patch: ReadModelPatch<object>): JsonObject =>
  applyPatch(doc, normalizePatch(patch, []), target);

describe('patches', () => {
  it('sets values at paths, creating missing parent objects', () => {
    expect(apply({ a: 1 }, { $set: { 'b.c.d': [1], a: { x: 1 } } })).toEqual({
      a: { x: 1 },
      b: { c: { d: [1] } },
    });
  });

  it('removes fields, ignoring paths that are not there', () => {
    const doc = { a: { b: 1, c: 2 }, s: 'text' };
    expect(apply(doc, { $unset: ['a.b', 's.x', 'missing.y'] } as never)).toEqual({ a: { c: 2 }, s: 'text' });
    expect(apply(doc, { $set: { s: undefined } })).toEqual({ a: { b: 1, c: 2 } });
  });

  it('adds to numbers, a missing one counting as 0', () => {
    expect(apply({ n: 2 }, { $inc: { n: -3, 'm.k': 1.5 } })).toEqual({ n: -1, m: { k: 1.5 } });
  });

  it('leaves the original document untouched', () => {
    const doc = { a: { b: 1 } };
    apply(doc, { $set: { 'a.c': 2 } });
    expect(doc).toEqual({ a: { b: 1 } });
  });

  it.each([
    ['$inc of a string', { s: 'x' }, { $inc: { s: 1 } }],
    ['$inc of null', { s: null }, { $inc: { s: 1 } }],
    ['$set below a string', { s: 'x' }, { $set: { 's.t': 1 } }],
    ['$set below null', { s: null }, { $set: { 's.t': 1 } }],
    ['$set below an array', { s: [1] }, { $set: { 's.t': 1 } }],
  ])('refuses %s as not applicable', (_, doc, patch) => {
    expect(() => apply(doc as JsonObject, patch as never)).toThrow(ReadModelPatchNotApplicableError);
  });

  it.each([
    ['overlapping paths', { $set: { a: 1 }, $inc: { 'a.b': 1 } }],
    ['a path with an array index', { $set: { 'tags.0': 'x' } }],
    ['a non-number $inc', { $inc: { a: '1' } }],
    ['a value that is not JSON', { $set: { a: new Date() } }],
  ])('refuses %s as invalid', (_, patch) => {
    expect(() => normalizePatch(patch as never, [])).toThrow(InvalidReadModelArgumentError);
  });

  it('refuses to empty a field of a unique index, directly or through its parent', () => {
    const required = ['team.id'];
    for (const patch of [
      { $unset: ['team.id'] },
      { $unset: ['team'] },
      { $set: { team: { name: 'x' } } },
      { $set: { 'team.id': null } },
    ]) {
      expect(() => normalizePatch(patch as never, required)).toThrow(InvalidReadModelArgumentError);
    }
    expect(normalizePatch({ $set: { team: { id: 't' } } }, required).set).toEqual([
      { path: 'team', value: { id: 't' } },
    ]);
  });
});
