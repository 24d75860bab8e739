export {
  READ_MODEL_STORE,
  type CheckpointStore,
  type FindOptions,
  type ReadModelCollection,
  type ReadModelStore,
  type ReadModelStoreCapabilities,
  type StoredDocument,
  type UpsertOutcome,
  type VersionedWrite,
  type WriteOutcome,
} from './read-model-store.port';
export { defineReadModel, type ReadModelDefinition, type ReadModelIndex, type ResolvedIndex } from './read-model';
export type { FieldCondition, ReadModelFilter, ReadModelSort, SortDirection } from './read-model-filter';
export type { ReadModelPatch } from './read-model-patch';
export type { DocumentPath, NumericPath, PathValue, ScalarPath } from './read-model-paths';
export {
  canonicalJson,
  MAX_DOCUMENT_BYTES,
  type JsonObject,
  type JsonPrimitive,
  type JsonValue,
} from './json-document';
export {
  InvalidReadModelArgumentError,
  ReadModelDocumentTooLargeError,
  ReadModelDuplicateError,
  ReadModelPatchNotApplicableError,
} from './read-model.errors';
export { hashReadModel } from './hash-read-model';
export {
  EmbeddedReadModelStore,
  embeddedReadModelStorePath,
  type EmbeddedReadModelStoreOptions,
} from './embedded/embedded-read-model-store';
// The MongoDB adapter is imported from `@portal/read-models/mongo`: its driver loads only where it is used.
export { openReadModelStore, type ReadModelStoreSettings } from './open-read-model-store';
