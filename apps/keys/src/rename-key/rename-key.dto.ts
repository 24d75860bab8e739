import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { MAX_KEY_DESCRIPTION_LENGTH, MAX_KEY_NAME_LENGTH } from '@portal/keys-domain';
import { KeyName, KeyText } from '../shared/key-fields';

/** PATCH /api/v1/teams/:teamId/keys/:keyId: at least one of the two. */
export class RenameKeyDto {
  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: MAX_KEY_NAME_LENGTH, example: 'Checkout (eu)' })
  @IsOptional()
  @KeyName()
  readonly name?: string;

  @ApiPropertyOptional({ type: String, maxLength: MAX_KEY_DESCRIPTION_LENGTH, example: 'Checkout service in eu-west' })
  @IsOptional()
  @KeyText()
  readonly description?: string;
}
