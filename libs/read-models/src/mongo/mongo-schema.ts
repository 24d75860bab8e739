import { Schema, type Connection, type Model } from 'mongoose';
import type { ReadModelDefinition } from '../read-model';
import { ReadModelDuplicateError } from '../read-model.errors';
import { isDuplicateKey } from './mongo-errors';
import type { MongoRow } from './mongo-query';

/**
 * The mongoose schema of a read model: `_id` (the document id) and `_version` typed, every
 * other field kept as written (strict: false), and the declared indexes.
 */
export function readModelSchema(definition: ReadModelDefinition<object>): Schema<MongoRow> {
  const schema = new Schema<MongoRow>(
    { _id: { type: String, required: true }, _version: { type: Number, default: null } },
    { strict: false, versionKey: false, autoIndex: false, autoCreate: false, collection: definition.name, id: false },
  );
  for (const index of definition.indexes) {
    const fields = Object.fromEntries(index.fields.map((field) => [field.path, field.direction]));
    schema.index(fields, { name: index.name, unique: index.unique });
  }
  return schema;
}

/** The model of a read model on a connection, registered afresh (its definition may have changed). */
export function readModelModel(connection: Connection, definition: ReadModelDefinition<object>): Model<MongoRow> {
  if (connection.models[definition.name] !== undefined) connection.deleteModel(definition.name);
  return connection.model<MongoRow>(definition.name, readModelSchema(definition), definition.name);
}

/**
 * Creates the collection if needed and makes its indexes those of the schema: missing ones
 * created, undeclared ones dropped (mongoose's syncIndexes, which FerretDB 1.24 serves).
 */
export async function prepareCollection(model: Model<MongoRow>): Promise<void> {
  await model.createCollection();
  try {
    await model.syncIndexes();
  } catch (error) {
    if (isDuplicateKey(error)) throw new ReadModelDuplicateError(model.collection.collectionName, null, error);
    throw error;
  }
}
