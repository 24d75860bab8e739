import { ApiProperty } from '@nestjs/swagger';
import { MAX_DISPLAY_NAME_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@portal/identity-domain';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export const MAX_EMAIL_LENGTH = 254;

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** POST /api/v1/auth/sign-up */
export class SignUpDto {
  @ApiProperty({ type: String, format: 'email', maxLength: MAX_EMAIL_LENGTH, example: 'ada@example.com' })
  @Transform(trimmed)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(MAX_EMAIL_LENGTH)
  @IsString()
  readonly email!: string;

  /** Length and commonness are the password policy's to judge; this only bounds the input. */
  @ApiProperty({
    type: String,
    format: 'password',
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: MAX_PASSWORD_LENGTH,
    description: 'Refused (400 IDENTITY.WEAK_PASSWORD) when too short or among the common passwords',
    example: 'correct horse battery staple',
  })
  @MaxLength(MAX_PASSWORD_LENGTH)
  @IsString()
  readonly password!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: MAX_DISPLAY_NAME_LENGTH, example: 'Ada Lovelace' })
  @Transform(trimmed)
  @MaxLength(MAX_DISPLAY_NAME_LENGTH)
  @IsNotEmpty()
  @IsString()
  readonly displayName!: string;
}
