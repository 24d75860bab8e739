import type { SQLInputValue } from 'node:sqlite';
import type { JsonPrimitive } from '../json-document';
import type { Predicate, SortKey } from '../read-model-filter';

/**
 * Filters and sorts as SQL over the JSON in the `data` column. Paths are written into the
 * SQL as literals (they are validated dotted identifiers) because SQLite uses an expression
 * index only for the very expression it was built on: `json_extract(data, '$.teamId')`.
 * Each comparison also checks the JSON type, so that, as in MongoDB, 1 never equals true
 * and numbers never compare with strings.
 */
export const fieldExpression = (path: string): string => `json_extract(data, '$.${path}')`;
const typeExpression = (path: string): string => `json_type(data, '$.${path}')`;

export interface SqlFragment {
  readonly sql: string;
  readonly params: readonly SQLInputValue[];
}

const COMPARISON = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
const NUMBER_TYPES = `IN ('integer', 'real')`;

function typeTest(value: string | number): string {
  return typeof value === 'string' ? `= 'text'` : NUMBER_TYPES;
}

function equals(path: string, value: JsonPrimitive): SqlFragment {
  if (value === null) return { sql: `${fieldExpression(path)} IS NULL`, params: [] };
  if (typeof value === 'boolean') return { sql: `${typeExpression(path)} = '${String(value)}'`, params: [] };
  return { sql: `(${fieldExpression(path)} = ? AND ${typeExpression(path)} ${typeTest(value)})`, params: [value] };
}

function predicateSql(predicate: Predicate): SqlFragment {
  const { path } = predicate;
  switch (predicate.op) {
    case 'eq':
      return equals(path, predicate.value);
    case 'ne': {
      const equal = equals(path, predicate.value);
      return { sql: `NOT coalesce(${equal.sql}, 0)`, params: equal.params };
    }
    case 'in': {
      const parts = predicate.values.map((value) => equals(path, value));
      if (parts.length === 0) return { sql: '0', params: [] };
      return { sql: `(${parts.map((part) => part.sql).join(' OR ')})`, params: parts.flatMap((part) => part.params) };
    }
    case 'exists':
      return { sql: `${typeExpression(path)} IS ${predicate.value ? 'NOT NULL' : 'NULL'}`, params: [] };
    default: {
      const { value } = predicate;
      const sql = `(${fieldExpression(path)} ${COMPARISON[predicate.op]} ? AND ${typeExpression(path)} ${typeTest(value)})`;
      return { sql, params: [value] };
    }
  }
}

/** `WHERE …` for the AND of the predicates (empty when there are none). */
export function whereClause(predicates: readonly Predicate[]): SqlFragment {
  if (predicates.length === 0) return { sql: '', params: [] };
  const parts = predicates.map(predicateSql);
  return { sql: `WHERE ${parts.map((part) => part.sql).join(' AND ')}`, params: parts.flatMap((part) => part.params) };
}

/** `ORDER BY …`, ties broken by id (NULL and missing first ascending, as in MongoDB). */
export function orderClause(sort: readonly SortKey[]): string {
  const keys = sort.map((key) => `${fieldExpression(key.path)} ${key.direction === 1 ? 'ASC' : 'DESC'}`);
  return `ORDER BY ${[...keys, 'id ASC'].join(', ')}`;
}
