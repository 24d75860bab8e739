export { isUsable, effectiveStatus, type EffectiveKeyStatus } from './api-key-status';
export { MAX_KEY_DESCRIPTION_LENGTH, MAX_KEY_NAME_LENGTH } from './api-key-details';
export {
  limitsProblem,
  MAX_ALLOWLIST_ENTRIES,
  QUOTA_PERIODS,
  type ApiKeyLimits,
  type LimitsProblem,
  type Quota,
  type QuotaPeriod,
  type RateLimit,
} from './api-key-limits';
export {
  EXPIRING_SOON_MS,
  expiresAtFor,
  graceEndsAtFor,
  KEY_EXPIRATIONS,
  ROLL_GRACES,
  type KeyExpiration,
  type RollGrace,
} from './api-key-timing';
export type * from './api-key.commands';
export { apiKeyDecider, apiKeyStreams } from './api-key.decider';
export { KeyErrorCode } from './api-key.errors';
export type * from './api-key.events';
export type { ActiveApiKey, ApiKeyDetails, ApiKeyState, ExistingApiKey } from './api-key.state';
export { BASE62_ALPHABET, base62DecodeNumber, base62Encode, base62EncodeNumber, isBase62 } from './base62';
export { cidrContains, parseCidr, parseIp, type CidrBlock, type IpAddress } from './cidr';
export { crc32, crc32OfAscii } from './crc32';
export { EXPIRY_WARNINGS, expiryWarningsDue, type ExpiryWarning } from './expiry-warnings';
export {
  formatKey,
  isKeyHintFor,
  KEY_BODY_BYTES,
  KEY_BODY_LENGTH,
  KEY_CHECKSUM_LENGTH,
  KEY_ENVIRONMENTS,
  KEY_LENGTH,
  KEY_PREFIXES,
  KeyFormatFailure,
  keyHint,
  parseKey,
  type KeyEnvironment,
  type KeyPrefix,
  type ParsedKey,
  type ParseKeyResult,
} from './key-format';
export { quotaPeriodAt, quotaUsedAt, takeQuota, type QuotaState } from './quota';
export { fullBucket, takeToken, type BucketState, type LimitDecision } from './token-bucket';
