import { ApiProperty } from '@nestjs/swagger';
import type { SessionDoc } from './sessions.store';
import { csrfTokenOf } from './session-token';

/** What sign-in and /me tell the page about the signed-in person and their session. */
export class SessionAnswer {
  @ApiProperty({ type: String, format: 'uuid', example: '0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d' })
  readonly userId!: string;

  @ApiProperty({ type: String, format: 'email', example: 'ada@example.com' })
  readonly email!: string;

  @ApiProperty({ type: String, example: 'Ada Lovelace' })
  readonly displayName!: string;

  @ApiProperty({ type: String, description: "The session's public id (not its token)" })
  readonly sessionId!: string;

  /** Send it as `x-csrf-token` with every POST, PUT, PATCH and DELETE. */
  @ApiProperty({ type: String, description: 'Send it as x-csrf-token with every POST, PUT, PATCH and DELETE' })
  readonly csrfToken!: string;

  /** The session's absolute end (it also ends after 30 minutes unused). */
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'The absolute end; it also ends after 30 minutes unused',
  })
  readonly expiresAt!: string;
}

export function sessionAnswer(
  account: { readonly userId: string; readonly email: string; readonly displayName: string },
  session: Pick<SessionDoc, 'sessionId' | 'expiresAt'>,
  token: string,
): SessionAnswer {
  const { userId, email, displayName } = account;
  return {
    userId,
    email,
    displayName,
    sessionId: session.sessionId,
    csrfToken: csrfTokenOf(token),
    expiresAt: session.expiresAt,
  };
}
