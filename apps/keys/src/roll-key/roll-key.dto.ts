import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import {
  KEY_EXPIRATIONS,
  type KeyExpiration,
  MAX_KEY_DESCRIPTION_LENGTH,
  MAX_KEY_NAME_LENGTH,
  ROLL_GRACES,
  type RollGrace,
} from '@portal/keys-domain';
import { KeyName, KeyText, OneOf } from '../shared/key-fields';

/** POST /api/v1/teams/:teamId/keys/:keyId/roll */
export class RollKeyDto {
  @ApiProperty({
    type: String,
    minLength: 1,
    maxLength: MAX_KEY_NAME_LENGTH,
    description: "The replacement's name",
    example: 'Production App (rolled)',
  })
  @KeyName()
  readonly name!: string;

  @ApiProperty({
    type: String,
    enum: ROLL_GRACES,
    description: 'How long the old key keeps working: none revokes it at once',
    example: '24h',
  })
  @OneOf(ROLL_GRACES)
  readonly grace!: RollGrace;

  @ApiPropertyOptional({
    type: String,
    maxLength: MAX_KEY_DESCRIPTION_LENGTH,
    description: "The replacement's description; the old key's when left out",
  })
  @IsOptional()
  @KeyText()
  readonly description?: string;

  @ApiPropertyOptional({
    type: String,
    enum: KEY_EXPIRATIONS,
    description:
      "The replacement's lifetime from now. Left out: the old key's lifetime (its expiry minus its creation), " +
      'from now; never when the old key never expires',
  })
  @IsOptional()
  @OneOf(KEY_EXPIRATIONS)
  readonly expiration?: KeyExpiration;
}
