import { assertFieldPath, type ScalarPath } from './read-model-paths';
import { InvalidReadModelArgumentError } from './read-model.errors';

/** One index of a read model: fields in order, 1 ascending, -1 descending. */
export interface ReadModelIndex<TDoc> {
  readonly fields: { readonly [P in ScalarPath<TDoc>]?: 1 | -1 };
  /**
   * No two documents share the same values of these fields. Every document must then hold
   * every field of the index, not null (MongoDB and SQLite disagree about missing keys).
   */
  readonly unique?: boolean;
  /** Defaults to MongoDB's own naming: `teamId_1_joinedAt_-1`. */
  readonly name?: string;
}

/** A read model as the adapters see it: a collection name and its indexes, validated. */
export interface ReadModelDefinition<TDoc extends object> {
  readonly name: string;
  readonly indexes: readonly ResolvedIndex[];
  /** Carries the document type only; there is no value here. */
  readonly document?: TDoc;
}

export interface IndexField {
  readonly path: string;
  readonly direction: 1 | -1;
}

export interface ResolvedIndex {
  readonly name: string;
  readonly fields: readonly IndexField[];
  readonly unique: boolean;
}

const COLLECTION_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const INDEX_NAME = /^[A-Za-z0-9_.-]{1,100}$/;
/** The collection in which every store keeps projection checkpoints. */
export const CHECKPOINTS_COLLECTION = 'projection_checkpoints';

/**
 * Declares a read model once, for every adapter:
 * `defineReadModel<TeamMemberDoc>({ name: 'team_members', indexes: [{ fields: { teamId: 1 } }] })`.
 */
export function defineReadModel<TDoc extends object>(declaration: {
  readonly name: string;
  readonly indexes?: readonly ReadModelIndex<TDoc>[];
}): ReadModelDefinition<TDoc> {
  const { name } = declaration;
  if (!COLLECTION_NAME.test(name) || name === CHECKPOINTS_COLLECTION) {
    throw new InvalidReadModelArgumentError(
      `${JSON.stringify(name)} is not a read model name: lower-case letters, digits and _, starting with a letter`,
    );
  }
  return internalReadModel(name, declaration.indexes ?? []);
}

/** defineReadModel without the reserved-name check, for the store's own collections. */
export function internalReadModel<TDoc extends object>(
  name: string,
  indexes: readonly ReadModelIndex<TDoc>[],
): ReadModelDefinition<TDoc> {
  const resolved = indexes.map((index) => resolveIndex(name, index));
  const names = new Set(resolved.map((index) => index.name));
  if (names.size !== resolved.length) {
    throw new InvalidReadModelArgumentError(`read model ${name} declares two indexes with the same name`);
  }
  return { name, indexes: resolved };
}

function resolveIndex<TDoc>(model: string, index: ReadModelIndex<TDoc>): ResolvedIndex {
  const fields = Object.entries(index.fields as Record<string, unknown>).map(([path, direction]): IndexField => {
    assertFieldPath(path, `index of read model ${model}`);
    if (direction !== 1 && direction !== -1) {
      throw new InvalidReadModelArgumentError(`index of read model ${model}: direction of ${path} must be 1 or -1`);
    }
    return { path, direction };
  });
  if (fields.length === 0) throw new InvalidReadModelArgumentError(`an index of read model ${model} has no fields`);
  const name = index.name ?? fields.map((field) => `${field.path}_${field.direction}`).join('_');
  if (!INDEX_NAME.test(name)) throw new InvalidReadModelArgumentError(`${JSON.stringify(name)} is not an index name`);
  return { name, fields, unique: index.unique === true };
}

/**
 * Checks a definition again where it is used: names and paths end up in SQL, and a
 * definition written by hand rather than by defineReadModel has not been checked.
 */
export function assertResolvedDefinition(definition: ReadModelDefinition<object>): void {
  const valid =
    COLLECTION_NAME.test(definition.name) &&
    definition.indexes.every((index) => INDEX_NAME.test(index.name) && index.fields.length > 0);
  if (!valid) throw new InvalidReadModelArgumentError(`read model ${JSON.stringify(definition.name)} is malformed`);
  for (const index of definition.indexes) {
    for (const field of index.fields) assertFieldPath(field.path, `index ${index.name} of ${definition.name}`);
  }
}

/** The fields every document of the model must hold (not null): those of its unique indexes. */
export function requiredFields(definition: ReadModelDefinition<object>): readonly string[] {
  return [...new Set(definition.indexes.filter((i) => i.unique).flatMap((i) => i.fields.map((f) => f.path)))];
}
