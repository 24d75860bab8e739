import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import {
  KEY_ENVIRONMENTS,
  KEY_EXPIRATIONS,
  type KeyEnvironment,
  type KeyExpiration,
  MAX_KEY_DESCRIPTION_LENGTH,
  MAX_KEY_NAME_LENGTH,
} from '@portal/keys-domain';
import { KeyName, KeyText, Limits, LimitsBody, OneOf } from '../shared/key-fields';

/** POST /api/v1/teams/:teamId/keys */
export class CreateKeyDto {
  @ApiProperty({
    type: String,
    minLength: 1,
    maxLength: MAX_KEY_NAME_LENGTH,
    description: 'Trimmed',
    example: 'Production App',
  })
  @KeyName()
  readonly name!: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: MAX_KEY_DESCRIPTION_LENGTH,
    description: 'Trimmed; empty when left out',
    example: 'Checkout service in eu-west',
  })
  @IsOptional()
  @KeyText()
  readonly description?: string;

  @ApiProperty({
    type: String,
    enum: KEY_ENVIRONMENTS,
    description: 'development: a cr3_test_ key for the sandbox; production: a cr3_live_ key for the live API',
    example: 'production',
  })
  @OneOf(KEY_ENVIRONMENTS)
  readonly environment!: KeyEnvironment;

  @ApiProperty({ type: String, enum: KEY_EXPIRATIONS, description: 'When the key stops working', example: '90d' })
  @OneOf(KEY_EXPIRATIONS)
  readonly expiration!: KeyExpiration;

  @ApiPropertyOptional({ type: () => LimitsBody, description: 'Usage limits; none when left out' })
  @IsOptional()
  @Limits()
  readonly limits?: LimitsBody;
}
