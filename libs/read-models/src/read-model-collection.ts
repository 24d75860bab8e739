import type { DocumentRow, DocumentTable } from './document-table';
import { assertDocumentSize, toJsonObject, type JsonObject } from './json-document';
import { requiredFields, type ReadModelDefinition } from './read-model';
import { toPredicates, toSortKeys, type ReadModelFilter } from './read-model-filter';
import { isEmptyPatch, normalizePatch, type ReadModelPatch } from './read-model-patch';
import { isAbsent, RESERVED_FIELDS, valueAtPath } from './read-model-paths';
import type {
  FindOptions,
  ReadModelCollection,
  StoredDocument,
  UpsertOutcome,
  VersionedWrite,
  WriteOutcome,
} from './read-model-store.port';
import { InvalidReadModelArgumentError } from './read-model.errors';

const MAX_ID_BYTES = 512;
const DEFAULT_BATCH_SIZE = 500;

function assertId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.length === 0 || id.includes('\u0000') || /\p{Cs}/u.test(id)) {
    throw new InvalidReadModelArgumentError(`document id ${JSON.stringify(id)} must be a non-empty string`);
  }
  if (Buffer.byteLength(id, 'utf8') > MAX_ID_BYTES) {
    throw new InvalidReadModelArgumentError(`document id is longer than ${MAX_ID_BYTES} bytes`);
  }
}

function versionOf(options: VersionedWrite | undefined): number | null {
  const version = options?.version;
  if (version === undefined) return null;
  if (!Number.isSafeInteger(version) || version < 0) {
    throw new InvalidReadModelArgumentError(`version ${String(version)} must be a non-negative integer`);
  }
  return version;
}

function integerOption(value: number | undefined, name: string, minimum: number): number | undefined {
  if (value !== undefined && (!Number.isSafeInteger(value) || value < minimum)) {
    throw new InvalidReadModelArgumentError(`${name} must be an integer of at least ${minimum}`);
  }
  return value;
}

/**
 * The typed face of a collection, the same for every adapter: it validates and normalizes
 * every argument, then hands the work to the adapter's DocumentTable.
 */
export class ValidatedReadModelCollection<TDoc extends object> implements ReadModelCollection<TDoc> {
  readonly name: string;
  private readonly required: readonly string[];

  constructor(
    definition: ReadModelDefinition<TDoc>,
    private readonly table: DocumentTable,
  ) {
    this.name = definition.name;
    this.required = requiredFields(definition);
  }

  async get(id: string): Promise<TDoc | null> {
    return (await this.read(id))?.doc ?? null;
  }

  async read(id: string): Promise<StoredDocument<TDoc> | null> {
    assertId(id);
    const row = await this.table.get(id);
    return row === null ? null : this.stored(row);
  }

  async find(filter: ReadModelFilter<TDoc> = {}, options: FindOptions<TDoc> = {}): Promise<TDoc[]> {
    const query = {
      predicates: toPredicates(filter),
      sort: toSortKeys(options.sort ?? {}),
      limit: integerOption(options.limit, 'limit', 1),
      skip: integerOption(options.skip, 'skip', 0) ?? 0,
    };
    const rows = await this.table.find(query);
    return rows.map((row) => row.doc as TDoc);
  }

  async count(filter: ReadModelFilter<TDoc> = {}): Promise<number> {
    return this.table.count(toPredicates(filter));
  }

  async upsert(id: string, doc: TDoc, options?: VersionedWrite): Promise<UpsertOutcome> {
    assertId(id);
    const version = versionOf(options);
    return this.table.upsert(id, this.storable(id, doc), version);
  }

  async patch(id: string, patch: ReadModelPatch<TDoc>, options?: VersionedWrite): Promise<WriteOutcome> {
    assertId(id);
    const version = versionOf(options);
    const normalized = normalizePatch(patch as ReadModelPatch<object>, this.required);
    if (isEmptyPatch(normalized) && version === null) {
      throw new InvalidReadModelArgumentError('an unversioned patch must change something');
    }
    return this.table.patch(id, normalized, version);
  }

  async delete(id: string, options?: VersionedWrite): Promise<WriteOutcome> {
    assertId(id);
    return this.table.delete(id, versionOf(options));
  }

  async deleteMany(filter: ReadModelFilter<TDoc>): Promise<number> {
    return this.table.deleteMany(toPredicates(filter));
  }

  async drop(): Promise<void> {
    await this.table.drop();
  }

  async *entries(options: { readonly batchSize?: number } = {}): AsyncIterable<StoredDocument<TDoc>> {
    const batchSize = integerOption(options.batchSize, 'batchSize', 1) ?? DEFAULT_BATCH_SIZE;
    let after: string | null = null;
    for (;;) {
      const rows = await this.table.page(after, batchSize);
      yield* rows.map((row) => this.stored(row));
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1]?.id ?? null;
    }
  }

  private stored(row: DocumentRow): StoredDocument<TDoc> {
    return { id: row.id, version: row.version, doc: row.doc as TDoc };
  }

  private storable(id: string, doc: TDoc): JsonObject {
    const json = toJsonObject(doc, `document ${id}`);
    const reserved = RESERVED_FIELDS.find((field) => field in json);
    if (reserved !== undefined) throw new InvalidReadModelArgumentError(`document ${id}: ${reserved} is reserved`);
    const missing = this.required.find((path) => isAbsent(valueAtPath(json, path)));
    if (missing !== undefined) {
      throw new InvalidReadModelArgumentError(`document ${id} lacks ${missing}, a field of a unique index`);
    }
    assertDocumentSize(this.name, id, json);
    return json;
  }
}
