import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  MAX_ALLOWLIST_ENTRIES,
  MAX_KEY_DESCRIPTION_LENGTH,
  MAX_KEY_NAME_LENGTH,
  parseCidr,
  QUOTA_PERIODS,
  type QuotaPeriod,
} from '@portal/keys-domain';

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** A key's name: 1-100 characters once trimmed. */
export const KeyName = (): PropertyDecorator => (target, key) => {
  Transform(trimmed)(target, key);
  MaxLength(MAX_KEY_NAME_LENGTH)(target, key);
  IsNotEmpty()(target, key);
  IsString()(target, key);
};

/** A key's description, or a revocation reason: up to 500 characters once trimmed, empty allowed. */
export const KeyText = (): PropertyDecorator => (target, key) => {
  Transform(trimmed)(target, key);
  MaxLength(MAX_KEY_DESCRIPTION_LENGTH)(target, key);
  IsString()(target, key);
};

/** One of `values`, named in the message. */
export const OneOf =
  (values: readonly string[]): PropertyDecorator =>
  (target, key) => {
    IsIn(values, { message: `${String(key)} must be one of ${values.join(', ')}` })(target, key);
  };

/** The largest count a limit takes: what a JSON number holds exactly. */
const MAX_COUNT = Number.MAX_SAFE_INTEGER;

const Count = (): PropertyDecorator => (target, key) => {
  Max(MAX_COUNT)(target, key);
  Min(1)(target, key);
  IsInt()(target, key);
};

/** An IPv4 or IPv6 address or CIDR block whose host bits are clear, as allowlists take them. */
const IsAllowlistEntry = (): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isAllowlistEntry',
      validator: { validate: (value: unknown) => typeof value === 'string' && parseCidr(value) !== null },
    },
    { each: true, message: 'each allowlist entry must be an IPv4 or IPv6 address or CIDR block (network address)' },
  );

export class RateLimitBody {
  @ApiProperty({ type: Number, format: 'int64', minimum: 1, description: 'Sustained requests per second', example: 10 })
  @Count()
  readonly perSecond!: number;

  @ApiProperty({ type: Number, format: 'int64', minimum: 1, description: 'Requests allowed at once', example: 20 })
  @Count()
  readonly burst!: number;
}

export class QuotaBody {
  @ApiProperty({ type: String, enum: QUOTA_PERIODS, description: 'UTC calendar day or month', example: 'day' })
  @OneOf(QUOTA_PERIODS)
  readonly period!: QuotaPeriod;

  @ApiProperty({ type: Number, format: 'int64', minimum: 1, example: 10000 })
  @Count()
  readonly requests!: number;
}

/** A key's usage limits, each optional: left out, there is no such limit. */
export class LimitsBody {
  @ApiPropertyOptional({ type: () => RateLimitBody, description: 'Requests per second, with a burst' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RateLimitBody)
  readonly rate?: RateLimitBody;

  @ApiPropertyOptional({ type: () => QuotaBody, description: 'Requests per day or month' })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuotaBody)
  readonly quota?: QuotaBody;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_ALLOWLIST_ENTRIES,
    description: 'Source IPv4/IPv6 addresses and CIDR blocks allowed to use the key; empty or left out: any',
    example: ['203.0.113.0/24', '2001:db8::/32'],
  })
  @IsOptional()
  @IsAllowlistEntry()
  @ArrayUnique({ message: 'allowlist must not repeat an entry' })
  @ArrayMaxSize(MAX_ALLOWLIST_ENTRIES)
  @IsString({ each: true })
  @IsArray()
  readonly allowlist?: readonly string[];
}

/** The `limits` field of a body: a nested, validated LimitsBody. */
export const Limits = (): PropertyDecorator => (target, key) => {
  Type(() => LimitsBody)(target, key);
  ValidateNested()(target, key);
};
