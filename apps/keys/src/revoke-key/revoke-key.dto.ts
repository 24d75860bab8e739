import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { MAX_KEY_DESCRIPTION_LENGTH } from '@portal/keys-domain';
import { KeyText } from '../shared/key-fields';

/** POST /api/v1/teams/:teamId/keys/:keyId/revoke; the body may be left out. */
export class RevokeKeyDto {
  @ApiPropertyOptional({
    type: String,
    maxLength: MAX_KEY_DESCRIPTION_LENGTH,
    description: 'Why, for the audit history',
    example: 'Leaked in a public repository',
  })
  @IsOptional()
  @KeyText()
  readonly reason?: string;
}
