import { MAX_DISPLAY_NAME_LENGTH, MAX_PASSWORD_LENGTH } from '@portal/identity-domain';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export const MAX_EMAIL_LENGTH = 254;

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** POST /api/v1/auth/sign-up */
export class SignUpDto {
  @Transform(trimmed)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(MAX_EMAIL_LENGTH)
  @IsString()
  readonly email!: string;

  /** Length and commonness are the password policy's to judge; this only bounds the input. */
  @MaxLength(MAX_PASSWORD_LENGTH)
  @IsString()
  readonly password!: string;

  @Transform(trimmed)
  @MaxLength(MAX_DISPLAY_NAME_LENGTH)
  @IsNotEmpty()
  @IsString()
  readonly displayName!: string;
}
