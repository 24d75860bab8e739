import { InvalidReadModelArgumentError } from './read-model.errors';

type Scalar = string | number | boolean | null;
type Depth = [never, 0, 1, 2, 3, 4, 5];

/**
 * The dotted paths of T whose value extends Leaf, through nested objects but not into
 * arrays (array elements are not addressable: both adapters then mean the same thing).
 */
export type PathsTo<T, Leaf, D extends number = 5> = [D] extends [never]
  ? never
  : {
      [K in Extract<keyof T, string>]-?:
        | (NonNullable<T[K]> extends Leaf ? K : never)
        | (NonNullable<T[K]> extends readonly unknown[]
            ? never
            : NonNullable<T[K]> extends object
              ? `${K}.${PathsTo<NonNullable<T[K]>, Leaf, Depth[D]>}`
              : never);
    }[Extract<keyof T, string>];

/** Paths to strings, numbers, booleans and nulls: what filters, sorts and indexes address. */
export type ScalarPath<T> = PathsTo<T, Scalar>;
/** Paths to numbers: what `$inc` addresses. */
export type NumericPath<T> = PathsTo<T, number>;
/** Every path, to values of any kind: what `$set` and `$unset` address. */
export type DocumentPath<T> = PathsTo<T, unknown>;

/** The type of the value at a dotted path of T. */
export type PathValue<T, P extends string> = P extends `${infer K}.${infer Rest}`
  ? K extends keyof T
    ? PathValue<NonNullable<T[K]>, Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never;

/** Fields the adapters keep beside a document's own: its id and the version of its last write. */
export const RESERVED_FIELDS: readonly string[] = ['_id', '_version'];

const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_DEPTH = 8;

/**
 * A field path is dotted identifiers (`teamId`, `usage.daily`). It is written into SQL
 * (the expression indexes match only literal paths), so nothing else is accepted.
 */
export function assertFieldPath(path: string, where: string): void {
  const segments = path.split('.');
  if (segments.length > MAX_DEPTH || !segments.every((segment) => SEGMENT.test(segment))) {
    throw new InvalidReadModelArgumentError(`${where}: ${JSON.stringify(path)} is not a field path`);
  }
  if (RESERVED_FIELDS.includes(segments[0] ?? '')) {
    throw new InvalidReadModelArgumentError(`${where}: ${JSON.stringify(path)} is reserved by the store`);
  }
}

/** True when one path is the other or lies inside it (`a` and `a.b`). */
export function pathsOverlap(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/** The value at a dotted path, or undefined where the path leaves the objects. */
export function valueAtPath(document: unknown, path: string): unknown {
  let current = document;
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Missing or null: how MongoDB's unique indexes and `null` filters see a field. */
export const isAbsent = (value: unknown): boolean => value === undefined || value === null;
