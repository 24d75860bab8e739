import { assertResolvedDefinition, defineReadModel, requiredFields } from './read-model';
import type { ReadModelFilter, ReadModelSort } from './read-model-filter';
import { toPredicates } from './read-model-filter';
import type { ReadModelPatch } from './read-model-patch';
import { InvalidReadModelArgumentError } from './read-model.errors';

interface KeyDoc {
  teamId: string;
  name: string;
  usage: { daily: number; lastUsedAt?: string | null };
  revoked: boolean;
  scopes: string[];
}

describe('read model definitions', () => {
  it('resolves indexes with MongoDB-style default names, and lists the fields unique indexes need', () => {
    const keys = defineReadModel<KeyDoc>({
      name: 'api_keys',
      indexes: [
        { fields: { teamId: 1, 'usage.daily': -1 } },
        { fields: { teamId: 1, name: 1 }, unique: true, name: 'by_name' },
      ],
    });
    expect(keys.indexes).toEqual([
      {
        name: 'teamId_1_usage.daily_-1',
        unique: false,
        fields: [
          { path: 'teamId', direction: 1 },
          { path: 'usage.daily', direction: -1 },
        ],
      },
      {
        name: 'by_name',
        unique: true,
        fields: [
          { path: 'teamId', direction: 1 },
          { path: 'name', direction: 1 },
        ],
      },
    ]);
    expect(requiredFields(keys)).toEqual(['teamId', 'name']);
  });

  it.each([
    ['an upper-case name', { name: 'ApiKeys' }],
    ['the checkpoints collection', { name: 'projection_checkpoints' }],
    ['an index without fields', { name: 'k', indexes: [{ fields: {} }] }],
    ['two indexes of one name', { name: 'k', indexes: [{ fields: { a: 1 } }, { fields: { a: 1 } }] }],
    ['a bad direction', { name: 'k', indexes: [{ fields: { a: 2 } }] }],
    ['an index on a reserved field', { name: 'k', indexes: [{ fields: { _version: 1 } }] }],
  ])('refuses %s', (_, declaration) => {
    expect(() => defineReadModel(declaration as never)).toThrow(InvalidReadModelArgumentError);
  });
});

describe('definitions written by hand', () => {
  it.each([
    ['a name that would break out of SQL', { name: 'x"; DROP TABLE y; --', indexes: [] }],
    [
      'an index path that is not a field path',
      { name: 'k', indexes: [{ name: 'i', unique: false, fields: [{ path: "a') --", direction: 1 }] }] },
    ],
    [
      'an index name with a quote',
      { name: 'k', indexes: [{ name: 'i"', unique: false, fields: [{ path: 'a', direction: 1 }] }] },
    ],
  ])('are checked again where they are used: %s is refused', (_, definition) => {
    expect(() => assertResolvedDefinition(definition as never)).toThrow(InvalidReadModelArgumentError);
  });
});

describe('filters', () => {
  it('turns each condition into a predicate, several operators on one field all applying', () => {
    expect(
      toPredicates({
        teamId: 't',
        'usage.daily': { $gte: 1, $lt: 5 },
        revoked: { $in: [false, null] },
        name: undefined,
      }),
    ).toEqual([
      { path: 'teamId', op: 'eq', value: 't' },
      { path: 'usage.daily', op: 'gte', value: 1 },
      { path: 'usage.daily', op: 'lt', value: 5 },
      { path: 'revoked', op: 'in', values: [false, null] },
    ]);
  });

  it('types paths, values and operators from the document type', () => {
    const typed = (): void => {
      const fine: ReadModelFilter<KeyDoc> = { teamId: 't', 'usage.daily': { $gt: 3 }, 'usage.lastUsedAt': null };
      const sort: ReadModelSort<KeyDoc> = { 'usage.daily': -1, name: 1 };
      const patch: ReadModelPatch<KeyDoc> = {
        $set: { usage: { daily: 0 }, scopes: ['read'] },
        $inc: { 'usage.daily': 1 },
      };
      // @ts-expect-error: no such field
      const unknownField: ReadModelFilter<KeyDoc> = { teamid: 't' };
      // @ts-expect-error: a number field compared with a string
      const wrongType: ReadModelFilter<KeyDoc> = { 'usage.daily': { $gt: 'x' } };
      // @ts-expect-error: arrays are not filterable (MongoDB and SQLite would disagree)
      const arrayField: ReadModelFilter<KeyDoc> = { scopes: 'read' };
      // @ts-expect-error: $inc only on numbers
      const incString: ReadModelPatch<KeyDoc> = { $inc: { name: 1 } };
      expect([fine, sort, patch, unknownField, wrongType, arrayField, incString]).toBeDefined();
    };
    expect(typed).toBeInstanceOf(Function);
  });
});
