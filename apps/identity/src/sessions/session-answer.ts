import type { SessionDoc } from './sessions.store';
import { csrfTokenOf } from './session-token';

/** What sign-in and /me tell the page about the signed-in person and their session. */
export interface SessionAnswer {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly sessionId: string;
  /** Send it as `x-csrf-token` with every POST, PUT, PATCH and DELETE. */
  readonly csrfToken: string;
  /** The session's absolute end (it also ends after 30 minutes unused). */
  readonly expiresAt: string;
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
