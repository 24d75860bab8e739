import type { JsonPrimitive } from './json-document';
import { assertFieldPath, type PathValue, type ScalarPath } from './read-model-paths';
import { InvalidReadModelArgumentError } from './read-model.errors';

type Comparable<V> = Extract<V, string | number>;

/**
 * What a filter can ask of one field. A bare value means `$eq`. `null` matches a null or a
 * missing field; `$ne` also matches a missing field; `$exists` tells missing from present
 * (a stored null is present). `$gt`…`$lte` compare numbers with numbers and strings with
 * strings (by UTF-8 bytes), never across types.
 */
export type FieldCondition<V> =
  | V
  | null
  | {
      readonly $eq?: V | null;
      readonly $ne?: V | null;
      readonly $in?: readonly (V | null)[];
      readonly $gt?: Comparable<V>;
      readonly $gte?: Comparable<V>;
      readonly $lt?: Comparable<V>;
      readonly $lte?: Comparable<V>;
      readonly $exists?: boolean;
    };

/** Conditions on fields (nested paths allowed), all of which must hold. `{}` matches everything. */
export type ReadModelFilter<TDoc> = {
  readonly [P in ScalarPath<TDoc>]?: FieldCondition<NonNullable<PathValue<TDoc, P>>>;
};

export type SortDirection = 1 | -1;
/** Sort keys in order of precedence; ties are broken by document id, ascending. */
export type ReadModelSort<TDoc> = { readonly [P in ScalarPath<TDoc>]?: SortDirection };

export type ComparisonOperator = 'gt' | 'gte' | 'lt' | 'lte';

/** One validated condition; a filter is the AND of a list of them. */
export type Predicate =
  | { readonly path: string; readonly op: 'eq' | 'ne'; readonly value: JsonPrimitive }
  | { readonly path: string; readonly op: 'in'; readonly values: readonly JsonPrimitive[] }
  | { readonly path: string; readonly op: ComparisonOperator; readonly value: string | number }
  | { readonly path: string; readonly op: 'exists'; readonly value: boolean };

export interface SortKey {
  readonly path: string;
  readonly direction: SortDirection;
}

const OPERATORS = new Set(['$eq', '$ne', '$in', '$gt', '$gte', '$lt', '$lte', '$exists']);

function primitive(value: unknown, where: string): JsonPrimitive {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new InvalidReadModelArgumentError(`${where} must be a string, a finite number, a boolean or null`);
}

function comparable(value: unknown, where: string): string | number {
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return value;
  throw new InvalidReadModelArgumentError(`${where} must be a string or a finite number`);
}

function operatorPredicate(path: string, operator: string, operand: unknown): Predicate {
  const where = `filter ${path}.${operator}`;
  switch (operator) {
    case '$eq':
    case '$ne':
      return { path, op: operator === '$eq' ? 'eq' : 'ne', value: primitive(operand, where) };
    case '$in':
      if (!Array.isArray(operand)) throw new InvalidReadModelArgumentError(`${where} must be an array`);
      return { path, op: 'in', values: operand.map((value, index) => primitive(value, `${where}[${index}]`)) };
    case '$exists':
      if (typeof operand !== 'boolean') throw new InvalidReadModelArgumentError(`${where} must be a boolean`);
      return { path, op: 'exists', value: operand };
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return { path, op: operator.slice(1) as ComparisonOperator, value: comparable(operand, where) };
    default:
      throw new InvalidReadModelArgumentError(`filter ${path}: unknown operator ${operator}`);
  }
}

function fieldPredicates(path: string, condition: unknown): Predicate[] {
  assertFieldPath(path, 'filter');
  if (typeof condition !== 'object' || condition === null) {
    return [{ path, op: 'eq', value: primitive(condition, `filter ${path}`) }];
  }
  const entries = Object.entries(condition).filter(([, operand]) => operand !== undefined);
  if (Array.isArray(condition) || entries.length === 0 || !entries.every(([key]) => OPERATORS.has(key))) {
    throw new InvalidReadModelArgumentError(
      `filter ${path}: expected a value or operators (${[...OPERATORS].join(', ')})`,
    );
  }
  return entries.map(([operator, operand]) => operatorPredicate(path, operator, operand));
}

/** Validates a filter and turns it into the predicates every adapter translates. */
export function toPredicates(filter: object): readonly Predicate[] {
  return Object.entries(filter)
    .filter(([, condition]) => condition !== undefined)
    .flatMap(([path, condition]) => fieldPredicates(path, condition));
}

/** Validates a sort specification. */
export function toSortKeys(sort: object): readonly SortKey[] {
  return Object.entries(sort)
    .filter(([, direction]) => direction !== undefined)
    .map(([path, direction]) => {
      assertFieldPath(path, 'sort');
      if (direction !== 1 && direction !== -1) {
        throw new InvalidReadModelArgumentError(`sort ${path}: direction must be 1 or -1`);
      }
      return { path, direction: direction as SortDirection };
    });
}
