import { InvalidReadModelArgumentError, ReadModelDocumentTooLargeError } from './read-model.errors';

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * The largest document the store accepts, as UTF-8 JSON. MongoDB refuses documents over
 * 16 MiB of BSON; the margin below that keeps both adapters accepting the same documents
 * (the MongoDB adapter also checks the BSON size itself).
 */
export const MAX_DOCUMENT_BYTES = 15 * 1024 * 1024;

/** Field names both adapters store unchanged: MongoDB reserves `.` and a leading `$`. */
function assertStorableKey(key: string, where: string): void {
  if (key.includes('.') || key.startsWith('$') || key.includes('\u0000') || LONE_SURROGATE.test(key)) {
    throw new InvalidReadModelArgumentError(`${where}: field name ${JSON.stringify(key)} cannot be stored`);
  }
}

/** MongoDB stores strings as UTF-8, which cannot carry a lone UTF-16 surrogate. */
const LONE_SURROGATE = /\p{Cs}/u;

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Checks that a value is plain JSON and returns a deep copy of it, without the properties
 * whose value is `undefined` (as JSON.stringify would drop them). Dates, Maps, class
 * instances, NaN, Infinity and bigints are refused: stored documents must read back the same
 * from every adapter, so times are ISO strings.
 */
export function toJsonValue(value: unknown, where: string): JsonValue {
  switch (typeof value) {
    case 'string':
      if (LONE_SURROGATE.test(value)) throw new InvalidReadModelArgumentError(`${where} holds a lone surrogate`);
      return value;
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new InvalidReadModelArgumentError(`${where} is not a finite number`);
      return value;
    case 'object':
      if (value === null) return null;
      if (Array.isArray(value)) return value.map((item, index) => toJsonValue(item, `${where}[${index}]`));
      if (!isPlainObject(value)) throw new InvalidReadModelArgumentError(`${where} is not a plain JSON object`);
      return toJsonObjectEntries(value as Record<string, unknown>, where);
    default:
      throw new InvalidReadModelArgumentError(`${where} is ${typeof value}, which JSON cannot hold`);
  }
}

function toJsonObjectEntries(value: Record<string, unknown>, where: string): JsonObject {
  const copy: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    assertStorableKey(key, where);
    copy[key] = toJsonValue(item, `${where}.${key}`);
  }
  return copy;
}

/** Like toJsonValue, for a value that must be an object (a document). */
export function toJsonObject(value: unknown, where: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidReadModelArgumentError(`${where} must be a JSON object`);
  }
  return toJsonValue(value, where) as JsonObject;
}

/** The size of a document as UTF-8 JSON, the measure MAX_DOCUMENT_BYTES applies to. */
export function jsonByteLength(document: JsonObject): number {
  return Buffer.byteLength(JSON.stringify(document), 'utf8');
}

/**
 * JSON with the keys of every object sorted (by UTF-16 code units) and no whitespace: equal
 * documents give equal text whatever order their fields were written or stored in.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`).join(',')}}`;
}

/** Refuses a document over MAX_DOCUMENT_BYTES. */
export function assertDocumentSize(collection: string, id: string, document: JsonObject): void {
  const bytes = jsonByteLength(document);
  if (bytes > MAX_DOCUMENT_BYTES) throw new ReadModelDocumentTooLargeError(collection, id, bytes, MAX_DOCUMENT_BYTES);
}
