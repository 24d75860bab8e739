import type { mongo } from 'mongoose';
import type { JsonValue } from '../json-document';
import type { Predicate, SortKey } from '../read-model-filter';
import type { NormalizedPatch } from '../read-model-patch';

/** A document as MongoDB holds it: the read model's own fields beside `_id` and `_version`. */
export interface MongoRow {
  _id: string;
  _version?: number | null;
  [field: string]: unknown;
}

export type MongoFilter = mongo.Filter<MongoRow>;

const OPERATOR = { eq: '$eq', ne: '$ne', in: '$in', gt: '$gt', gte: '$gte', lt: '$lt', lte: '$lte', exists: '$exists' };

/** The AND of the predicates, as one condition object per field. */
export function mongoFilter(predicates: readonly Predicate[]): MongoFilter {
  const byPath: Record<string, Record<string, unknown>> = {};
  for (const predicate of predicates) {
    const operand = predicate.op === 'in' ? predicate.values : predicate.value;
    byPath[predicate.path] = { ...byPath[predicate.path], [OPERATOR[predicate.op]]: operand };
  }
  return byPath;
}

/** The sort keys, ties broken by `_id` like the embedded adapter. */
export function mongoSort(sort: readonly SortKey[]): mongo.Sort {
  return Object.fromEntries([...sort.map((key) => [key.path, key.direction]), ['_id', 1]]) as mongo.Sort;
}

/** The document itself, or, with a version, only while its stored version is lower or absent. */
export function writeGuard(id: string, version: number | null): MongoFilter {
  if (version === null) return { _id: id };
  return { _id: id, $or: [{ _version: null }, { _version: { $lt: version } }] };
}

/** The patch as update operators; a versioned patch also sets `_version`. */
export function mongoUpdate(patch: NormalizedPatch, version: number | null): mongo.UpdateFilter<MongoRow> {
  const $set: Record<string, JsonValue> = Object.fromEntries(patch.set.map(({ path, value }) => [path, value]));
  if (version !== null) $set._version = version;
  const update: Record<string, Record<string, unknown>> = {};
  if (Object.keys($set).length > 0) update.$set = $set;
  if (patch.unset.length > 0) update.$unset = Object.fromEntries(patch.unset.map((path) => [path, '']));
  if (patch.inc.length > 0) update.$inc = Object.fromEntries(patch.inc.map(({ path, amount }) => [path, amount]));
  return update;
}
