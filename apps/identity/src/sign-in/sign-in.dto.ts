import { ApiProperty } from '@nestjs/swagger';
import { MAX_PASSWORD_LENGTH } from '@portal/identity-domain';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MAX_EMAIL_LENGTH } from '../sign-up/sign-up.dto';

/** POST /api/v1/auth/sign-in */
export class SignInDto {
  @ApiProperty({ type: String, format: 'email', maxLength: MAX_EMAIL_LENGTH, example: 'ada@example.com' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(MAX_EMAIL_LENGTH)
  @IsString()
  readonly email!: string;

  @ApiProperty({
    type: String,
    format: 'password',
    minLength: 1,
    maxLength: MAX_PASSWORD_LENGTH,
    example: 'correct horse battery staple',
  })
  @MaxLength(MAX_PASSWORD_LENGTH)
  @IsNotEmpty()
  @IsString()
  readonly password!: string;
}
