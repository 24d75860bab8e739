import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new session token: 32 random bytes (256 bits), base64url. Only the browser keeps it. */
export const newSessionToken = (): string => randomBytes(32).toString('base64url');

/** What the server stores instead of the token: SHA-256, hex. */
export const sessionTokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * The session's CSRF token, derived from its token (SHA-256 of a labelled copy, base64url):
 * the page reads it from sign-in or /me and sends it as `x-csrf-token`. A cross-site page can
 * neither read it nor compute it, and the stored hash does not reveal it.
 */
export const csrfTokenOf = (token: string): string =>
  createHash('sha256').update(`csrf:${token}`, 'utf8').digest('base64url');

/** Compares two secrets in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
