import { toJsonValue, type JsonObject, type JsonValue } from './json-document';
import {
  assertFieldPath,
  isAbsent,
  pathsOverlap,
  valueAtPath,
  type DocumentPath,
  type NumericPath,
  type PathValue,
} from './read-model-paths';
import { InvalidReadModelArgumentError, ReadModelPatchNotApplicableError } from './read-model.errors';

/**
 * A partial update. `$set` writes values at paths (creating missing parent objects; setting
 * `undefined` removes the field), `$unset` removes fields, `$inc` adds to numbers (a missing
 * field counts as 0). No two paths of one patch may overlap.
 */
export interface ReadModelPatch<TDoc> {
  readonly $set?: { readonly [P in DocumentPath<TDoc>]?: PathValue<TDoc, P> };
  readonly $unset?: readonly DocumentPath<TDoc>[];
  readonly $inc?: { readonly [P in NumericPath<TDoc>]?: number };
}

/** A validated patch, as the adapters receive it. */
export interface NormalizedPatch {
  readonly set: readonly { readonly path: string; readonly value: JsonValue }[];
  readonly unset: readonly string[];
  readonly inc: readonly { readonly path: string; readonly amount: number }[];
}

export function isEmptyPatch(patch: NormalizedPatch): boolean {
  return patch.set.length + patch.unset.length + patch.inc.length === 0;
}

/** Validates a patch; `required` are the paths no document may lack (those of unique indexes). */
export function normalizePatch(patch: ReadModelPatch<object>, required: readonly string[]): NormalizedPatch {
  const set: { path: string; value: JsonValue }[] = [];
  const unset: string[] = [];
  for (const [path, value] of Object.entries(patch.$set ?? {})) {
    if (value === undefined) unset.push(path);
    else set.push({ path, value: toJsonValue(value, `$set ${path}`) });
  }
  unset.push(...(patch.$unset ?? []));
  const inc = Object.entries(patch.$inc ?? {}).map(([path, amount]) => {
    if (typeof amount !== 'number' || !Number.isFinite(amount)) {
      throw new InvalidReadModelArgumentError(`$inc ${path} must be a finite number`);
    }
    return { path, amount };
  });
  const paths = [...set.map((entry) => entry.path), ...unset, ...inc.map((entry) => entry.path)];
  paths.forEach((path, index) => {
    assertFieldPath(path, 'patch');
    const clash = paths.slice(index + 1).find((other) => pathsOverlap(path, other));
    if (clash !== undefined) throw new InvalidReadModelArgumentError(`patch paths ${path} and ${clash} overlap`);
  });
  assertKeepsRequiredFields({ set, unset, inc }, required);
  return { set, unset, inc };
}

function assertKeepsRequiredFields(patch: NormalizedPatch, required: readonly string[]): void {
  for (const field of required) {
    const removed = patch.unset.find((path) => path === field || field.startsWith(`${path}.`));
    const emptied = patch.set.find(({ path, value }) => {
      if (path === field) return value === null;
      return field.startsWith(`${path}.`) && isAbsent(valueAtPath(value, field.slice(path.length + 1)));
    });
    const culprit = removed ?? emptied?.path;
    if (culprit !== undefined) {
      throw new InvalidReadModelArgumentError(`patch of ${culprit} would leave ${field}, a unique index field, empty`);
    }
  }
}

interface PatchTarget {
  readonly collection: string;
  readonly id: string;
}

/** The object holding the last segment of a path, created on the way where missing. */
function parentFor(document: JsonObject, path: string, target: PatchTarget): [JsonObject, string] {
  const segments = path.split('.');
  const last = segments.pop() ?? path;
  let current = document;
  for (const segment of segments) {
    const next = current[segment];
    if (next === undefined) current = current[segment] = {};
    else if (typeof next === 'object' && next !== null && !Array.isArray(next)) current = next;
    else
      throw new ReadModelPatchNotApplicableError(
        target.collection,
        target.id,
        `${segment} in ${path} is not an object`,
      );
  }
  return [current, last];
}

function unsetPath(document: JsonObject, path: string): void {
  const segments = path.split('.');
  const last = segments.pop() ?? path;
  const holder = segments.length === 0 ? document : valueAtPath(document, segments.join('.'));
  if (typeof holder === 'object' && holder !== null && !Array.isArray(holder)) delete (holder as JsonObject)[last];
}

/**
 * Applies a patch to a copy of a document with MongoDB's semantics, for adapters that
 * update documents themselves (the embedded one). The MongoDB adapter sends the patch to the
 * server as `$set`/`$unset`/`$inc`.
 */
export function applyPatch(document: JsonObject, patch: NormalizedPatch, target: PatchTarget): JsonObject {
  const result = structuredClone(document);
  for (const { path, value } of patch.set) {
    const [parent, key] = parentFor(result, path, target);
    parent[key] = structuredClone(value);
  }
  for (const path of patch.unset) unsetPath(result, path);
  for (const { path, amount } of patch.inc) {
    const [parent, key] = parentFor(result, path, target);
    const current = parent[key] === undefined ? 0 : parent[key];
    if (typeof current !== 'number') {
      throw new ReadModelPatchNotApplicableError(
        target.collection,
        target.id,
        `$inc of ${path}, which is not a number`,
      );
    }
    parent[key] = current + amount;
  }
  return result;
}
