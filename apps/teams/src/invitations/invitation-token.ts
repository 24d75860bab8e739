import { createHash, randomBytes } from 'node:crypto';

/** The shape of a link's token: 32 random bytes, base64url (43 characters). */
export const INVITATION_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** What events and read models keep of a token: its SHA-256, hex. */
export const invitationTokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A new link token and its hash; the token itself goes only into the email. */
export function newInvitationToken(): { readonly token: string; readonly tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: invitationTokenHash(token) };
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const invitationExpiry = (now: Date, ttlDays: number): string =>
  new Date(now.getTime() + ttlDays * DAY_MS).toISOString();
