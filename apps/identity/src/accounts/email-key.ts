import { normalizeEmail } from '@portal/identity-domain';
import { createHash } from 'node:crypto';

/**
 * The key of an email wherever it must not appear in clear (stream names, throttle counters):
 * SHA-256 of the normalized email, hex.
 */
export const emailKey = (email: string): string =>
  createHash('sha256').update(normalizeEmail(email), 'utf8').digest('hex');
