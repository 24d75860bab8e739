export { CATEGORY_DOMAINS } from './category-domains';
export {
  INTERNAL_TOKEN_HEADER,
  KEY_LOOKUP,
  KEY_LOOKUP_PATH,
  MAX_SNAPSHOT_PAGE,
  SECRET_HASH,
  type KeyLookup,
  type KeyRecord,
  type KeySnapshotPage,
} from './key-lookup';
export {
  decodeUsageRecord,
  decodeUsageRecords,
  emptyUsageColumns,
  encodeUsageColumns,
  encodeUsageRecords,
  sliceUsageColumns,
  MAX_USAGE_RECORDS_PER_MESSAGE,
  MAX_USAGE_ROUTE_LENGTH,
  USAGE_COLUMNS_FORMAT,
  USAGE_OUTCOMES,
  USAGE_RECORD_VERSION,
  type UsageColumns,
  type UsageOutcome,
  type UsageRecord,
  usageMessageKey,
} from './usage-record';
export { userActivityReadModel, type UserActivityDoc } from './user-activity.read-model';
